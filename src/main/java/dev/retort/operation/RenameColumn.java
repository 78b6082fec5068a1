package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record RenameColumn(QualifiedName table, String column, String newName)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new RenameColumn(table, newName, column));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
