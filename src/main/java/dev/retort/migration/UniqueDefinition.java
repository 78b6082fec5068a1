package dev.retort.migration;

import java.util.List;

/** {@code unique("users_email_key", "email")}, optionally {@code .withNullsNotDistinct()}. */
public final class UniqueDefinition implements ConstraintDefinition {

  private final String name;
  private final List<String> columns;
  private final boolean nullsNotDistinct;

  UniqueDefinition(String name, List<String> columns, boolean nullsNotDistinct) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.nullsNotDistinct = nullsNotDistinct;
  }

  /** {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15 and later): NULLs count as equal. */
  public UniqueDefinition withNullsNotDistinct() {
    return new UniqueDefinition(name, columns, true);
  }

  @Override
  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }

  public boolean nullsNotDistinct() {
    return nullsNotDistinct;
  }
}
