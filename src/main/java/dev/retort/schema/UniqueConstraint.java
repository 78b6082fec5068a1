package dev.retort.schema;

import java.util.List;

public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct)
    implements Constraint {

  public UniqueConstraint {
    columns = List.copyOf(columns);
  }

  @Override
  public UniqueConstraint withName(String newName) {
    return new UniqueConstraint(newName, columns, nullsNotDistinct);
  }

  public UniqueConstraint withNullsNotDistinct() {
    return new UniqueConstraint(name, columns, true);
  }

  @Override
  public String kind() {
    return "unique constraint";
  }
}
