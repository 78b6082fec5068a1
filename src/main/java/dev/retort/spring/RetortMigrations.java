package dev.retort.spring;

import dev.retort.Retort;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The application's migrations against its {@link DataSource}, settled when the bean starts:
 * applied with {@code retort.auto-upgrade}, else reported (one warning) or refused ({@code
 * retort.fail-on-pending}). Spring Boot treats this bean as a database initializer, so the JPA
 * {@code EntityManagerFactory}, {@code JdbcTemplate}s and the like start after it. Migrations are
 * not Spring beans: a Java migration reaches the database through {@code op.connection()}, so
 * nothing here waits for JPA and there is no dependency cycle.
 */
public class RetortMigrations implements InitializingBean {

  private static final Log LOG = LogFactory.getLog(RetortMigrations.class);

  private final Retort retort;
  private final DataSource dataSource;
  private final RetortProperties properties;

  public RetortMigrations(Retort retort, DataSource dataSource, RetortProperties properties) {
    this.retort = retort;
    this.dataSource = dataSource;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    Retort.Status before = retort.status(dataSource);
    if (!before.unknown().isEmpty()) {
      // A newer version of the application migrated this database (or this one was rolled
      // back): its schema is ahead, which an older application is expected to run on.
      LOG.warn(
          "Retort: the database is at "
              + String.join(", ", before.unknown())
              + ", which this application's migrations do not define (a newer version migrated"
              + " it); nothing applied");
      return;
    }
    if (properties.isAutoUpgrade()) {
      List<String> applied = retort.upgrade(dataSource);
      LOG.info(
          applied.isEmpty()
              ? "Retort: the database is at the head; nothing to upgrade"
              : "Retort: applied "
                  + applied.size()
                  + " migration(s): "
                  + String.join(", ", applied));
      return;
    }
    Retort.Status status = before;
    if (status.edited() != null) {
      LOG.warn("Retort: " + status.edited());
    }
    if (status.pending().isEmpty()) {
      return;
    }
    String pending =
        status.pending().size()
            + " pending migration(s): "
            + String.join(", ", status.pending())
            + " (apply them with 'retort upgrade', or set retort.auto-upgrade=true)";
    if (properties.isFailOnPending()) {
      throw new IllegalStateException("Retort: the database is behind the application, " + pending);
    }
    LOG.warn("Retort: " + pending);
  }

  /** Where the database stands now (read each time: for health and info endpoints). */
  public Retort.Status status() {
    return retort.status(dataSource);
  }
}
