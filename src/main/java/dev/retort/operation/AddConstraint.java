package dev.retort.operation;

import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * @param notValid adds a foreign key or check without checking existing rows ({@code NOT VALID}).
 */
public record AddConstraint(QualifiedName table, Constraint constraint, boolean notValid)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (constraint.name() == null) {
      return List.of(
          Irreversible.unknownState("an unnamed " + constraint.kind() + " was added to " + table));
    }
    return List.of(new DropConstraint(table, constraint.name(), constraint));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
