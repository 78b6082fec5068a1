package dev.retort.operation;

import java.util.List;

public record DropSchema(String name, boolean cascade) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new CreateSchema(name, false));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
