package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * {@code ALTER INDEX ... RENAME TO}: the index is kept, not rebuilt.
 *
 * @param index the index as it is named now; its schema is the new name's
 */
public record RenameIndex(QualifiedName index, String newName) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new RenameIndex(index.withName(newName), index.name()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
