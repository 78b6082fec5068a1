package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record AlterColumn(QualifiedName table, String column, ColumnChange change)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (!change.isReversible()) {
      return List.of(Irreversible.unknownState("column " + table + "." + column + " was altered"));
    }
    return List.of(new AlterColumn(table, column, change.reverse()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
