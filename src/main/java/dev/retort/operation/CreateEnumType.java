package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record CreateEnumType(QualifiedName name, List<String> values) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new DropEnumType(name, values));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
