package dev.retort.operation;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * @param table the indexed table; its schema is the index's schema.
 */
public record CreateIndex(QualifiedName table, Index index, boolean concurrently)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new DropIndex(table.withName(index.name()), concurrently, table, index));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
