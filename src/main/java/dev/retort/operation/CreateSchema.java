package dev.retort.operation;

import java.util.List;

public record CreateSchema(String name, boolean ifNotExists) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new DropSchema(name, false));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
