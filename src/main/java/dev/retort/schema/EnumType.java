package dev.retort.schema;

import java.util.List;
import java.util.Objects;

/** A PostgreSQL enum type; the values are in their sort order, which is declaration order. */
public record EnumType(QualifiedName name, List<String> values) {

  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
  }

  public EnumType withName(QualifiedName value) {
    return new EnumType(value, values);
  }
}
