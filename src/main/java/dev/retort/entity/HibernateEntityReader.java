package dev.retort.entity;

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
    return timer.time(
        "hibernate",
        () ->
            HibernateModel.build(
                request.classpath().classLoader(),
                classes,
                request.hibernate(),
                request.postgresMajor(),
                request.schemas(),
                timer));
  }
}
