package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/** {@code ALTER TABLE ... RENAME CONSTRAINT}: the constraint keeps its definition and its index. */
public record RenameConstraint(QualifiedName table, String name, String newName)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new RenameConstraint(table, newName, name));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
