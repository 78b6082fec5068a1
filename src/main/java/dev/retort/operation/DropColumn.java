package dev.retort.operation;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import java.util.List;

/** @param existing the dropped column, when known; needed to reverse. */
public record DropColumn(QualifiedName table, String column, Column existing) implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(Irreversible.unknownState("column " + table + "." + column + " was dropped"));
    }
    return List.of(new AddColumn(table, existing));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
