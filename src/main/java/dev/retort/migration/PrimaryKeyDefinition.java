package dev.retort.migration;

import java.util.List;

/** {@code primaryKey("users_pkey", "id")}. */
public final class PrimaryKeyDefinition implements ConstraintDefinition {

  private final String name;
  private final List<String> columns;

  PrimaryKeyDefinition(String name, List<String> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
  }

  @Override
  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }
}
