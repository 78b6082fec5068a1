package dev.retort.operation;

import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Makes an existing unique index a unique or primary-key constraint ({@code ADD CONSTRAINT ...
 * USING INDEX}): a brief catalog change, where adding the constraint directly would build its index
 * while writes wait. PostgreSQL renames the index to the constraint's name.
 *
 * @param constraint what the constraint will be, when known (needed to reverse); null when written
 *     by hand
 */
public record AddConstraintUsingIndex(
    QualifiedName table, String name, boolean primaryKey, String index, Constraint constraint)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    // Dropping the constraint drops the index it took over, as the forward steps' reverse expects.
    return List.of(new DropConstraint(table, name, constraint));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
