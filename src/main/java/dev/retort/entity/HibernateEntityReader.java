package dev.retort.entity;

import dev.retort.error.RetortException;
import dev.retort.schema.EntityDdl;
import dev.retort.timing.PhaseTimer;
import java.util.List;

/**
 * Finds the entities and has Hibernate build its model of them without a database: the DDL it would
 * run on PostgreSQL, and where each table and column comes from.
 */
public final class HibernateEntityReader implements EntityReader {

  private final EntityScanner scanner;
  private final PhaseTimer timer;

  public HibernateEntityReader(EntityScanner scanner, PhaseTimer timer) {
    this.scanner = scanner;
    this.timer = timer;
  }

  @Override
  public EntityDdl read(EntityRequest request) {
    List<String> classes =
        timer.time(
            "scan",
            () ->
                scanner
                    .scan(request.classpath(), request.packages())
                    .classNames(request.classpath(), request.packages()));
    try {
      HibernateRuntime hibernate = request.classpath().hibernate();
      return timer.time(
          "hibernate",
          () ->
              hibernate
                  .builder()
                  .build(
                      hibernate.loader(),
                      classes,
                      request.hibernate(),
                      request.postgresMajor(),
                      request.schemas(),
                      timer)
                  .readBy(hibernate.describe(), hibernate.notice()));
    } catch (RetortException e) {
      // A class missing from the classpath surfaces as whatever Hibernate was doing when it
      // needed it; say what it is instead.
      throw MissingClass.explain(e.getCause(), request.classpath(), classes).orElse(e);
    }
  }
}
