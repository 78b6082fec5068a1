package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record ValidateConstraint(QualifiedName table, String name) implements Operation {

  @Override
  public List<Operation> reverse() {
    // Validation only checks existing rows; there is nothing to undo.
    return List.of();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
