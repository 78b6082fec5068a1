package dev.retort.schema;

import dev.retort.postgres.Identifiers;
import java.util.Objects;

/**
 * A column type in PostgreSQL's canonical spelling ({@code format_type}): {@code character
 * varying(255)}, {@code timestamp(6) with time zone}, {@code integer[]}. A user-defined type (an
 * enum) also carries its name, so that it can be re-qualified when a scratch schema is mapped back
 * and quoted correctly in SQL; {@code sql} is then derived from it.
 */
public record SqlType(String sql, QualifiedName userDefined, int arrayDimensions) {

  public SqlType {
    Objects.requireNonNull(sql, "sql");
    if (arrayDimensions < 0) {
      throw new IllegalArgumentException("negative array dimensions");
    }
  }

  /** A built-in type in canonical spelling (arrays included, as {@code text[]}). */
  public static SqlType of(String sql) {
    return new SqlType(sql, null, 0);
  }

  /** A user-defined type such as an enum; {@code sql} is the quoted, possibly qualified name. */
  public static SqlType userDefined(QualifiedName name, int arrayDimensions) {
    return new SqlType(
        Identifiers.qualified(name) + "[]".repeat(arrayDimensions), name, arrayDimensions);
  }

  public boolean isUserDefined() {
    return userDefined != null;
  }

  public boolean isArray() {
    return sql.endsWith("[]");
  }

  /** The type without array brackets and modifiers: {@code character varying}, {@code numeric}. */
  public String baseName() {
    String s = sql;
    while (s.endsWith("[]")) {
      s = s.substring(0, s.length() - 2);
    }
    int paren = s.indexOf('(');
    if (paren < 0) {
      return s;
    }
    int close = s.indexOf(')', paren);
    return (s.substring(0, paren) + s.substring(close + 1)).trim();
  }

  @Override
  public String toString() {
    return sql;
  }
}
