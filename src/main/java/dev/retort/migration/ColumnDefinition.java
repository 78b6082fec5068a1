package dev.retort.migration;

import java.util.Objects;

/**
 * A column for {@code createTable} and {@code addColumn}: {@code column("bio",
 * varchar(500)).notNull()}. Each method returns a changed copy.
 */
public final class ColumnDefinition implements TableElement {

  private final String name;
  private final ColumnType type;
  private final boolean nullable;
  private final String defaultValue;
  private final IdentityDefinition identity;
  private final String generated;
  private final String collation;
  private final String comment;

  ColumnDefinition(String name, ColumnType type) {
    this(name, type, true, null, null, null, null, null);
  }

  private ColumnDefinition(
      String name,
      ColumnType type,
      boolean nullable,
      String defaultValue,
      IdentityDefinition identity,
      String generated,
      String collation,
      String comment) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
    this.defaultValue = defaultValue;
    this.identity = identity;
    this.generated = generated;
    this.collation = collation;
    this.comment = comment;
  }

  public ColumnDefinition notNull() {
    return withNullable(false);
  }

  public ColumnDefinition withNullable(boolean value) {
    return new ColumnDefinition(
        name, type, value, defaultValue, identity, generated, collation, comment);
  }

  /** A server default, as an SQL expression ({@code now()}, {@code 'draft'}, {@code 0}). */
  public ColumnDefinition withDefault(String expression) {
    return new ColumnDefinition(
        name, type, nullable, expression, identity, generated, collation, comment);
  }

  /** An identity column; identity columns are NOT NULL in PostgreSQL. */
  public ColumnDefinition withIdentity(IdentityDefinition value) {
    return new ColumnDefinition(
        name, type, value == null && nullable, defaultValue, value, generated, collation, comment);
  }

  /** A stored generated column: {@code GENERATED ALWAYS AS (expression) STORED}. */
  public ColumnDefinition withGenerated(String expression) {
    return new ColumnDefinition(
        name, type, nullable, defaultValue, identity, expression, collation, comment);
  }

  public ColumnDefinition withCollation(String value) {
    return new ColumnDefinition(
        name, type, nullable, defaultValue, identity, generated, value, comment);
  }

  public ColumnDefinition withComment(String value) {
    return new ColumnDefinition(
        name, type, nullable, defaultValue, identity, generated, collation, value);
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  public boolean nullable() {
    return nullable;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public IdentityDefinition identity() {
    return identity;
  }

  public String generated() {
    return generated;
  }

  public String collation() {
    return collation;
  }

  public String comment() {
    return comment;
  }
}
