package dev.retort.lint;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import dev.retort.schema.QualifiedName;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * The table a step locks strongly enough to stop the application's reads or writes while it waits
 * for the lock (ACCESS EXCLUSIVE for ALTER TABLE and DROP, SHARE for a plain CREATE INDEX), or
 * null. A waiting strong lock queues every later query on the table behind it, which is why such
 * steps want a {@code lock_timeout}.
 */
final class LockedTable extends OperationAdapter<QualifiedName> {

  private static final LockedTable INSTANCE = new LockedTable();

  static QualifiedName of(Step step) {
    if (step.operation() != null) {
      return step.operation().accept(INSTANCE);
    }
    if (step.statement() instanceof Truncate truncate) {
      return SqlNames.table(truncate.getTable());
    }
    return null;
  }

  @Override
  QualifiedName otherwise(Operation op) {
    return null;
  }

  @Override
  public QualifiedName visit(AddColumn op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(DropColumn op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(RenameColumn op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(AlterColumn op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(AddConstraint op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(AddConstraintUsingIndex op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(DropConstraint op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(RenameTable op) {
    return op.table();
  }

  @Override
  public QualifiedName visit(DropTable op) {
    return op.name();
  }

  @Override
  public QualifiedName visit(CreateIndex op) {
    return op.concurrently() ? null : op.table();
  }
}
