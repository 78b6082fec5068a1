package dev.retort.entity;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * The application's physical naming strategy, with one change: an explicit schema becomes its
 * scratch schema, so Hibernate's own DDL creates everything inside the scratch schemas while every
 * other name stays exactly as the application would have it.
 */
final class ScratchSchemaNamingStrategy implements PhysicalNamingStrategy {

  private final PhysicalNamingStrategy application;
  private final ScratchSchemas scratch;

  ScratchSchemaNamingStrategy(PhysicalNamingStrategy application, ScratchSchemas scratch) {
    this.application = application;
    this.scratch = scratch;
  }

  @Override
  public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalCatalogName(name, environment);
  }

  @Override
  public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
    Identifier physical = application.toPhysicalSchemaName(name, environment);
    if (physical == null) {
      return null;
    }
    String real =
        physical.isQuoted()
            ? physical.getText()
            : physical.getText().toLowerCase(java.util.Locale.ROOT);
    return Identifier.toIdentifier(scratch.scratchFor(real));
  }

  @Override
  public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalTableName(name, environment);
  }

  @Override
  public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalSequenceName(name, environment);
  }

  @Override
  public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalColumnName(name, environment);
  }

  @Override
  public Identifier toPhysicalTypeName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalTypeName(name, environment);
  }
}
