package dev.retort.schema;

import java.util.Objects;

/**
 * A table column. The {@code with...}/{@code notNull()} methods return modified copies, which is
 * what the migration DSL builds on: {@code column("bio", varchar(500)).notNull()}.
 *
 * @param defaultValue the default as an SQL expression in PostgreSQL's canonical form, or null
 * @param generated the expression of a stored generated column, or null
 */
public record Column(
    String name,
    SqlType type,
    boolean nullable,
    String defaultValue,
    Identity identity,
    String generated,
    String collation,
    String comment)
    implements TableElement {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Column of(String name, SqlType type) {
    return new Column(name, type, true, null, null, null, null, null);
  }

  public Column notNull() {
    return withNullable(false);
  }

  public Column withNullable(boolean value) {
    return new Column(name, type, value, defaultValue, identity, generated, collation, comment);
  }

  public Column withName(String value) {
    return new Column(value, type, nullable, defaultValue, identity, generated, collation, comment);
  }

  public Column withType(SqlType value) {
    return new Column(name, value, nullable, defaultValue, identity, generated, collation, comment);
  }

  /** A server default, as an SQL expression ({@code now()}, {@code 'draft'}, {@code 0}). */
  public Column withDefault(String expression) {
    return new Column(name, type, nullable, expression, identity, generated, collation, comment);
  }

  /** An identity column; identity columns are NOT NULL in PostgreSQL. */
  public Column withIdentity(Identity value) {
    return new Column(
        name,
        type,
        value == null ? nullable : false,
        defaultValue,
        value,
        generated,
        collation,
        comment);
  }

  public Column withGenerated(String expression) {
    return new Column(name, type, nullable, defaultValue, identity, expression, collation, comment);
  }

  public Column withCollation(String value) {
    return new Column(name, type, nullable, defaultValue, identity, generated, value, comment);
  }

  public Column withComment(String value) {
    return new Column(name, type, nullable, defaultValue, identity, generated, collation, value);
  }
}
