package dev.retort.operation;

import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * @param existing the dropped constraint, when known; needed to reverse.
 */
public record DropConstraint(QualifiedName table, String name, Constraint existing)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(
          Irreversible.unknownState("constraint " + name + " on " + table + " was dropped"));
    }
    return List.of(new AddConstraint(table, existing, false));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
