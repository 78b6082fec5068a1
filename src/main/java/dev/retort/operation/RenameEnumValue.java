package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record RenameEnumValue(QualifiedName type, String from, String to) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new RenameEnumValue(type, to, from));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
