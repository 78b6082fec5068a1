package dev.retort.compare;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.Comment;
import dev.retort.operation.CreateEnumType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSchema;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
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
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.operation.SetTableComment;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.ForeignKey;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides in which order a plan's operations run: a rank per operation, each
 * with the reason. The sort is stable, so within a rank the comparators' order (by name, tables
 * topologically) is kept. Running the reversed operations backwards is the downgrade, and is valid
 * for the same reasons.
 */
final class OperationOrder implements OperationVisitor<Integer> {

  private static final OperationOrder RANKS = new OperationOrder();

  private OperationOrder() {}

  static List<PlannedChange> sort(List<PlannedChange> changes) {
    Set<String> added = new HashSet<>();
    for (PlannedChange change : changes) {
      if (change.operation() instanceof AddColumn add) {
        added.add(add.table() + "." + add.column().name());
      }
    }
    return changes.stream()
        .sorted(Comparator.comparingInt(c -> rank(c.operation(), added)))
        .toList();
  }

  private static int rank(Operation operation, Set<String> addedColumns) {
    // A column recreated under its own name (a changed generation expression) must go before it
    // comes back, so it ranks just ahead of the columns being added.
    if (operation instanceof DropColumn drop
        && addedColumns.contains(drop.table() + "." + drop.column())) {
      return 2 * rank(new AddColumn(drop.table(), drop.existing())) - 1;
    }
    return 2 * rank(operation);
  }

  static int rank(Operation operation) {
    return operation.accept(RANKS);
  }

  // Schemas first: everything else may live in one.
  @Override
  public Integer visit(CreateSchema op) {
    return 0;
  }

  // Types before the columns that use them; a replaced enum type retypes its columns while they
  // still hold only the values they had.
  @Override
  public Integer visit(CreateEnumType op) {
    return 1;
  }

  @Override
  public Integer visit(AddEnumValue op) {
    return 1;
  }

  @Override
  public Integer visit(RenameEnumValue op) {
    return 1;
  }

  @Override
  public Integer visit(ReplaceEnumType op) {
    return 1;
  }

  // Sequences before the defaults that call nextval on them.
  @Override
  public Integer visit(CreateSequence op) {
    return 2;
  }

  @Override
  public Integer visit(AlterSequence op) {
    return 2;
  }

  // Foreign keys go first, so the keys, columns and tables they reference can change or go; other
  // constraints and indexes before the columns they cover are altered or dropped.
  @Override
  public Integer visit(DropConstraint op) {
    return op.existing() instanceof ForeignKey ? 3 : 4;
  }

  @Override
  public Integer visit(DropIndex op) {
    return 4;
  }

  // Renames before anything refers to the new names.
  @Override
  public Integer visit(RenameTable op) {
    return 5;
  }

  @Override
  public Integer visit(RenameColumn op) {
    return 6;
  }

  // New tables (in dependency order, see TableComparator) before columns that may reference them.
  @Override
  public Integer visit(CreateTable op) {
    return 7;
  }

  // Columns are added before others are dropped: a rename candidate reads as a pair, and data can
  // be copied across in between.
  @Override
  public Integer visit(AddColumn op) {
    return 8;
  }

  // Changes in place, and data moves (an ORDINAL enum remapped) once the columns are in place,
  // between dropping the old checks (rank 4) and adding the new ones (rank 11) that the moved
  // values must satisfy.
  @Override
  public Integer visit(AlterColumn op) {
    return 9;
  }

  @Override
  public Integer visit(SetTableComment op) {
    return 9;
  }

  @Override
  public Integer visit(ExecuteSql op) {
    return 9;
  }

  @Override
  public Integer visit(BulkInsert op) {
    return 9;
  }

  @Override
  public Integer visit(DropColumn op) {
    return 10;
  }

  // Keys, checks and indexes once their columns are in place; foreign keys last, when every key
  // they reference exists, and validated after they are added.
  @Override
  public Integer visit(AddConstraint op) {
    return op.constraint() instanceof ForeignKey ? 12 : 11;
  }

  @Override
  public Integer visit(CreateIndex op) {
    return 11;
  }

  @Override
  public Integer visit(ValidateConstraint op) {
    return 12;
  }

  // Tables go after the foreign keys into them (rank 3); reverse dependency order within.
  @Override
  public Integer visit(DropTable op) {
    return 13;
  }

  // Sequences, types and schemas go once nothing uses them.
  @Override
  public Integer visit(DropSequence op) {
    return 14;
  }

  @Override
  public Integer visit(DropEnumType op) {
    return 15;
  }

  @Override
  public Integer visit(DropSchema op) {
    return 16;
  }

  // Never planned by the comparators; last, where it stops a downgrade before anything else.
  @Override
  public Integer visit(Comment op) {
    return 17;
  }

  @Override
  public Integer visit(Irreversible op) {
    return 17;
  }
}
