package dev.retort.operation;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * @param index the index name, qualified by its schema (an index lives in its table's schema)
 * @param existingTable the indexed table, when known; needed to reverse
 * @param existing the dropped index, when known; needed to reverse
 */
public record DropIndex(
    QualifiedName index, boolean concurrently, QualifiedName existingTable, Index existing)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existing == null || existingTable == null) {
      return List.of(Irreversible.unknownState("index " + index + " was dropped"));
    }
    return List.of(new CreateIndex(existingTable, existing, concurrently));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
