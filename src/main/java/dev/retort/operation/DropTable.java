package dev.retort.operation;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * @param existing the dropped table with its indexes, when known; needed to reverse.
 */
public record DropTable(QualifiedName name, Table existing) implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(Irreversible.unknownState("table " + name + " was dropped"));
    }
    List<Operation> ops = new ArrayList<>();
    ops.add(new CreateTable(existing.withIndexes(List.of())));
    for (Index index : existing.indexes()) {
      ops.add(new CreateIndex(name, index, false));
    }
    return ops;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
