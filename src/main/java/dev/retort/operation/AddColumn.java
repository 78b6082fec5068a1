package dev.retort.operation;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.List;

public record AddColumn(QualifiedName table, Column column) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new DropColumn(table, column.name(), column));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
