package dev.retort.plan;

import static dev.retort.compare.LockImpact.Duration.BATCHES;
import static dev.retort.compare.LockImpact.Duration.BRIEF;
import static dev.retort.compare.LockImpact.Duration.BUILDS_INDEX;
import static dev.retort.compare.LockImpact.Duration.BUILDS_INDEX_CONCURRENTLY;
import static dev.retort.compare.LockImpact.Duration.NEW_TABLE;
import static dev.retort.compare.LockImpact.Duration.REWRITES;
import static dev.retort.compare.LockImpact.Duration.SCANS;
import static dev.retort.compare.LockImpact.Duration.UNKNOWN;
import static dev.retort.compare.LockImpact.Duration.VALIDATES;
import static dev.retort.compare.LockImpact.Level.ACCESS_EXCLUSIVE;
import static dev.retort.compare.LockImpact.Level.NONE;
import static dev.retort.compare.LockImpact.Level.ROW_EXCLUSIVE;
import static dev.retort.compare.LockImpact.Level.SHARE;
import static dev.retort.compare.LockImpact.Level.SHARE_ROW_EXCLUSIVE;
import static dev.retort.compare.LockImpact.Level.SHARE_UPDATE_EXCLUSIVE;

import dev.retort.compare.LockImpact;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.Comment;
import dev.retort.operation.CreateEnumType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSchema;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Decision;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropEnumType;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSchema;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.Irreversible;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameConstraint;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.RenameIndex;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.operation.SetSequenceOwner;
import dev.retort.operation.SetTableComment;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;

/**
 * The lock each operation takes on the table it changes, and for how long, as PostgreSQL's manual
 * ("Explicit Locking", and each ALTER TABLE form) describes it; null for an operation that locks no
 * table (a comment, a schema, a sequence, an enum type on its own).
 */
public final class LockAnalysis implements OperationVisitor<LockImpact> {

  /** The table an operation works on, or null when it works on no one table. */
  public static QualifiedName tableOf(Operation operation) {
    LockImpact lock = of(operation);
    return lock == null ? null : lock.table();
  }

  static LockImpact of(Operation operation) {
    return operation.accept(new LockAnalysis());
  }

  private static LockImpact lock(
      LockImpact.Level level, QualifiedName table, LockImpact.Duration duration) {
    return LockImpact.of(level, table, duration);
  }

  @Override
  public LockImpact visit(CreateSchema op) {
    return null;
  }

  @Override
  public LockImpact visit(DropSchema op) {
    return null;
  }

  @Override
  public LockImpact visit(CreateTable op) {
    return lock(ACCESS_EXCLUSIVE, op.table().name(), NEW_TABLE);
  }

  @Override
  public LockImpact visit(DropTable op) {
    return lock(ACCESS_EXCLUSIVE, op.name(), BRIEF);
  }

  @Override
  public LockImpact visit(RenameTable op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(SetTableComment op) {
    return lock(SHARE_UPDATE_EXCLUSIVE, op.table(), BRIEF);
  }

  /**
   * A volatile default, an identity or a stored generated column is computed for every row: a
   * rewrite. A constant or stable default is stored once in the catalog (PostgreSQL 11+).
   */
  @Override
  public LockImpact visit(AddColumn op) {
    Column column = op.column();
    boolean rewrites =
        column.identity() != null
            || column.generated() != null
            || VolatileExpressions.isVolatile(column.defaultValue());
    return lock(ACCESS_EXCLUSIVE, op.table(), rewrites ? REWRITES : BRIEF);
  }

  @Override
  public LockImpact visit(DropColumn op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(RenameColumn op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(AlterColumn op) {
    ColumnChange change = op.change();
    if (change.type() != null
        && (!change.type().fromKnown()
            || TypeRewrites.rewrites(change.type().from(), change.type().to()))) {
      return lock(ACCESS_EXCLUSIVE, op.table(), REWRITES);
    }
    if (change.collation() != null) {
      // A new collation keeps the stored values but rebuilds the column's indexes.
      return lock(ACCESS_EXCLUSIVE, op.table(), SCANS);
    }
    if (change.nullable() != null && Boolean.FALSE.equals(change.nullable().to())) {
      // PostgreSQL 12+ skips the scan when a validated CHECK (col IS NOT NULL) already proves it.
      return lock(ACCESS_EXCLUSIVE, op.table(), SCANS);
    }
    if (change.identity() != null
        && change.identity().to() != null
        && change.identity().from() == null) {
      return lock(ACCESS_EXCLUSIVE, op.table(), REWRITES);
    }
    boolean commentOnly = change.comment() != null && change.withComment(null).isEmpty();
    return lock(commentOnly ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(CreateIndex op) {
    return op.concurrently()
        ? lock(SHARE_UPDATE_EXCLUSIVE, op.table(), BUILDS_INDEX_CONCURRENTLY)
        : lock(SHARE, op.table(), BUILDS_INDEX);
  }

  @Override
  public LockImpact visit(DropIndex op) {
    QualifiedName table = op.existingTable() == null ? op.index() : op.existingTable();
    return op.concurrently()
        ? lock(SHARE_UPDATE_EXCLUSIVE, table, BRIEF)
        : lock(ACCESS_EXCLUSIVE, table, BRIEF);
  }

  @Override
  public LockImpact visit(AddConstraint op) {
    if (op.constraint() instanceof ForeignKey fk) {
      return lock(SHARE_ROW_EXCLUSIVE, op.table(), op.notValid() ? BRIEF : VALIDATES)
          .alsoLocking(fk.target());
    }
    if (op.constraint() instanceof CheckConstraint) {
      return lock(ACCESS_EXCLUSIVE, op.table(), op.notValid() ? BRIEF : VALIDATES);
    }
    // A unique constraint or primary key builds its index.
    return lock(ACCESS_EXCLUSIVE, op.table(), BUILDS_INDEX);
  }

  @Override
  public LockImpact visit(AddConstraintUsingIndex op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(DropConstraint op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(ValidateConstraint op) {
    return lock(SHARE_UPDATE_EXCLUSIVE, op.table(), VALIDATES);
  }

  @Override
  public LockImpact visit(CreateEnumType op) {
    return null;
  }

  @Override
  public LockImpact visit(DropEnumType op) {
    return null;
  }

  @Override
  public LockImpact visit(AddEnumValue op) {
    return null;
  }

  @Override
  public LockImpact visit(RenameEnumValue op) {
    return null;
  }

  /** Every column of the type is converted: each of its tables is rewritten. */
  @Override
  public LockImpact visit(ReplaceEnumType op) {
    return op.usedBy().isEmpty()
        ? null
        : lock(ACCESS_EXCLUSIVE, op.usedBy().get(0).table(), REWRITES);
  }

  @Override
  public LockImpact visit(CreateSequence op) {
    return null;
  }

  @Override
  public LockImpact visit(AlterSequence op) {
    return null;
  }

  @Override
  public LockImpact visit(DropSequence op) {
    return null;
  }

  @Override
  public LockImpact visit(SetSequenceOwner op) {
    return null;
  }

  @Override
  public LockImpact visit(ExecuteSql op) {
    return lock(NONE, null, UNKNOWN);
  }

  @Override
  public LockImpact visit(BulkInsert op) {
    return lock(ROW_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(BackfillColumn op) {
    return lock(ROW_EXCLUSIVE, op.table(), BATCHES);
  }

  @Override
  public LockImpact visit(Irreversible op) {
    return null;
  }

  @Override
  public LockImpact visit(Comment op) {
    return null;
  }

  @Override
  public LockImpact visit(Decision op) {
    return null;
  }

  /** A rename changes the catalog only. */
  @Override
  public LockImpact visit(RenameConstraint op) {
    return lock(ACCESS_EXCLUSIVE, op.table(), BRIEF);
  }

  @Override
  public LockImpact visit(RenameIndex op) {
    // ALTER INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE (PostgreSQL 12+); the table is not named.
    return null;
  }
}
