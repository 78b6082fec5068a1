package dev.retort.entity;

import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.runtime.Connections;
import dev.retort.schema.Schema;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the entity side: find the entities, build Hibernate's model without a database, take the
 * DDL Hibernate would run, and have PostgreSQL canonicalize it, on the target database when one is
 * configured and lets us create scratch schemas, else on the embedded server.
 */
public final class EntityModelReader {

  /** What the reader needs from the configuration. */
  public record Settings(
      EntityClasspath classpath,
      List<String> packages,
      Map<String, String> hibernate,
      CatalogScope scope) {}

  private final Settings settings;
  private final Consumer<String> warnings;
  private final PhaseTimer timer;

  public EntityModelReader(Settings settings, Consumer<String> warnings, PhaseTimer timer) {
    this.settings = settings;
    this.warnings = warnings;
    this.timer = timer;
  }

  /** A built but not yet canonicalized model: Hibernate's DDL and the provenance. */
  public record Prepared(List<String> ddl, EntityProvenance provenance, ScratchSchemas scratch) {}

  /** The Hibernate half, which needs no database (so it can run while the live catalog is read). */
  public Prepared prepare(int postgresMajor) {
    return prepare(postgresMajor, new ScratchSchemas(settings.scope().realSchemas()));
  }

  /** Like {@link #prepare(int)}, with the given schema redirection. */
  public Prepared prepare(int postgresMajor, ScratchSchemas scratch) {
    List<String> classes = timer.time("scan", () -> EntityScanner.scan(settings.classpath(), settings.packages()));
    String defaultSchema = settings.scope().realSchemas().get(0);
    URLClassLoader loader = settings.classpath().classLoader();
    HibernateModel.Result result = timer.time("hibernate", () -> HibernateModel.build(
        loader, classes, settings.hibernate(), postgresMajor, scratch,
        physical -> {
          String real = scratch.realFor(physical);
          return real.equals(defaultSchema) ? null : real;
        }));
    List<String> others = scratch.realSchemas().subList(settings.scope().realSchemas().size(), scratch.realSchemas().size());
    if (!others.isEmpty()) {
      warnings.accept("entities use schema(s) " + String.join(", ", others)
          + " that are not in 'schemas'; their tables are not compared (add them to schemas to include them)");
    }
    return new Prepared(result.ddl(), result.provenance(), scratch);
  }

  /**
   * Canonicalizes through {@code target}, or through the embedded server when there is no target
   * or the target refuses scratch schemas.
   */
  public EntityModel canonicalize(Prepared prepared, DatabaseUrl target) {
    if (target != null) {
      try (Connection connection = Connections.open(target)) {
        return canonicalizeOn(connection, prepared);
      } catch (ScratchCanonicalizer.NoPrivilege e) {
        warnings.accept("no privilege to create a scratch schema in " + target.display() + " ("
            + e.getMessage().split("\\R")[0] + "); canonicalizing the entity model on the embedded PostgreSQL instead");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    try (EmbeddedServer server = timer.time("embedded start", EmbeddedServer::start);
        Connection connection = Connections.open(server.url("postgres"))) {
      return canonicalizeOn(connection, prepared);
    } catch (ScratchCanonicalizer.NoPrivilege e) {
      throw new IllegalStateException("the embedded server refused a scratch schema", e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private EntityModel canonicalizeOn(Connection connection, Prepared prepared) throws ScratchCanonicalizer.NoPrivilege {
    Schema schema = timer.timeChecked("canonicalize", () -> ScratchCanonicalizer.canonicalize(
        connection, prepared.ddl(), prepared.scratch(), settings.scope(), prepared.provenance()));
    return new EntityModel(schema, prepared.provenance(), prepared.ddl());
  }
}
