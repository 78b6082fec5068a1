package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record RenameTable(QualifiedName table, String newName) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new RenameTable(table.withName(newName), table.name()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
