package dev.retort.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified object name. A {@code null} schema means the default schema (the first
 * configured schema, which the runtime puts first on the search path), so that generated code and
 * SQL stay unqualified in the common case and both sides of a comparison agree.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing(QualifiedName::schema, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(QualifiedName::name);

  public QualifiedName {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an object name cannot be empty");
    }
  }

  public static QualifiedName of(String name) {
    return new QualifiedName(null, name);
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  public QualifiedName withName(String newName) {
    return new QualifiedName(schema, newName);
  }

  public QualifiedName withSchema(String newSchema) {
    return new QualifiedName(newSchema, name);
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  /** Human-readable form for messages (never for SQL: it does not quote). */
  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
