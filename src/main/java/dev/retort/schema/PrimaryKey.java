package dev.retort.schema;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) implements Constraint {

  public PrimaryKey {
    columns = List.copyOf(columns);
  }

  @Override
  public PrimaryKey withName(String newName) {
    return new PrimaryKey(newName, columns);
  }

  @Override
  public String kind() {
    return "primary key";
  }
}
