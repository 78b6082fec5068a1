package dev.retort.migration;

import java.util.Objects;

/** A table in a given schema, for {@code references(...)} and {@code enumColumn(...)}. */
public final class TableName {

  private final String schema;
  private final String name;

  TableName(String schema, String name) {
    this.schema = schema;
    this.name = Objects.requireNonNull(name, "name");
  }

  /** The schema, or null for the default schema. */
  public String schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
