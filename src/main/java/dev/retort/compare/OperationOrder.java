package dev.retort.compare;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
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
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.operation.SetTableComment;
import dev.retort.schema.ForeignKey;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that decides in which order a plan's operations run. Each rule says why. The sort
 * is stable, so within a rule the comparators' order (by name, tables topologically) is kept.
 * Running the reversed operations backwards is the downgrade, and is valid for the same reasons.
 */
final class OperationOrder {

  private OperationOrder() {}

  static List<PlannedChange> sort(List<PlannedChange> changes) {
    java.util.Set<String> added = new java.util.HashSet<>();
    for (PlannedChange change : changes) {
      if (change.operation() instanceof AddColumn) {
        AddColumn add = (AddColumn) change.operation();
        added.add(add.table() + "." + add.column().name());
      }
    }
    return changes.stream().sorted(Comparator.comparingInt(c -> rank(c.operation(), added))).toList();
  }

  private static int rank(Operation operation, java.util.Set<String> addedColumns) {
    // A column recreated under its own name (a changed generation expression) must go before it
    // comes back.
    if (operation instanceof DropColumn) {
      DropColumn drop = (DropColumn) operation;
      if (addedColumns.contains(drop.table() + "." + drop.column())) {
        return 2 * rank(new AddColumn(drop.table(), drop.existing())) - 1;
      }
    }
    return 2 * rank(operation);
  }

  static int rank(Operation operation) {
    // Schemas first: everything else may live in one.
    if (operation instanceof CreateSchema) {
      return 0;
    }
    // Types before the columns that use them; a replaced enum type retypes its columns while they
    // still hold only the values they had.
    if (operation instanceof CreateEnumType || operation instanceof AddEnumValue
        || operation instanceof RenameEnumValue || operation instanceof ReplaceEnumType) {
      return 1;
    }
    // Sequences before the defaults that call nextval on them.
    if (operation instanceof CreateSequence || operation instanceof AlterSequence) {
      return 2;
    }
    // Foreign keys go first, so the keys, columns and tables they reference can change or go.
    if (operation instanceof DropConstraint && ((DropConstraint) operation).existing() instanceof ForeignKey) {
      return 3;
    }
    // Other constraints and indexes go before the columns they cover are altered or dropped.
    if (operation instanceof DropIndex || operation instanceof DropConstraint) {
      return 4;
    }
    // Renames before anything refers to the new names.
    if (operation instanceof RenameTable) {
      return 5;
    }
    if (operation instanceof RenameColumn) {
      return 6;
    }
    // New tables (in dependency order, see TableComparator) before columns that may reference them.
    if (operation instanceof CreateTable) {
      return 7;
    }
    // Columns are added before others are dropped: a rename candidate reads as a pair, and data
    // can be copied across in between.
    if (operation instanceof AddColumn) {
      return 8;
    }
    // Data moves (an ORDINAL enum remapped) once the columns are in place, between dropping the
    // old checks (rule 4) and adding the new ones (rule 11) that the moved values must satisfy.
    if (operation instanceof AlterColumn || operation instanceof SetTableComment || operation instanceof ExecuteSql) {
      return 9;
    }
    if (operation instanceof DropColumn) {
      return 10;
    }
    // Keys, checks and indexes once their columns are in place; foreign keys last, when every
    // key they reference exists.
    if (operation instanceof AddConstraint) {
      return ((AddConstraint) operation).constraint() instanceof ForeignKey ? 12 : 11;
    }
    if (operation instanceof CreateIndex) {
      return 11;
    }
    // Tables go after the foreign keys into them (rule 3); reverse dependency order within.
    if (operation instanceof DropTable) {
      return 13;
    }
    // Sequences, types and schemas go once nothing uses them.
    if (operation instanceof DropSequence) {
      return 14;
    }
    if (operation instanceof DropEnumType) {
      return 15;
    }
    if (operation instanceof DropSchema) {
      return 16;
    }
    return 17;
  }
}
