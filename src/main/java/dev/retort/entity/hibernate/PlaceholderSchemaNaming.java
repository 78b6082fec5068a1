package dev.retort.entity.hibernate;

import dev.retort.schema.EntityDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * The application's physical naming strategy, with one change: an explicit schema becomes its
 * placeholder ({@link EntityDdl#placeholder}), so the DDL names no real schema and whoever runs it
 * decides where it lands, while every other name stays exactly as the application has it.
 */
final class PlaceholderSchemaNaming implements PhysicalNamingStrategy {

  private final PhysicalNamingStrategy application;
  private final List<String> schemas;

  /**
   * @param configuredSchemas the configured schemas, the default first: placeholders 0, 1, ...
   */
  PlaceholderSchemaNaming(PhysicalNamingStrategy application, List<String> configuredSchemas) {
    this.application = application;
    this.schemas = new ArrayList<>(configuredSchemas);
  }

  /** The real schemas in placeholder order: the configured ones, then those entities named. */
  synchronized List<String> schemas() {
    return List.copyOf(schemas);
  }

  /** The model's name of a schema Hibernate wrote: null for the default, else the real name. */
  synchronized String modelSchema(String written) {
    int index = EntityDdl.placeholderIndex(written);
    if (index < 0) {
      return written;
    }
    return index == 0 ? null : schemas.get(index);
  }

  @Override
  public synchronized Identifier toPhysicalSchemaName(
      Identifier name, JdbcEnvironment environment) {
    Identifier physical = application.toPhysicalSchemaName(name, environment);
    if (physical == null) {
      return null;
    }
    String real =
        physical.isQuoted() ? physical.getText() : physical.getText().toLowerCase(Locale.ROOT);
    int index = schemas.indexOf(real);
    if (index < 0) {
      schemas.add(real);
      index = schemas.size() - 1;
    }
    return Identifier.toIdentifier(EntityDdl.placeholder(index));
  }

  @Override
  public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
    return application.toPhysicalCatalogName(name, environment);
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
