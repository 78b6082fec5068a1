package dev.retort.plan;

import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.Decision;
import dev.retort.operation.EnumColumn;
import dev.retort.operation.Operation;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a change on a table that holds rows needs a person's answer, the plan holds an {@code
 * op.decide(...)} right where the answer goes, so the migration cannot run until somebody has given
 * it: the value existing rows get in a new NOT NULL column, what happens to rows holding an enum
 * value that goes, whether values survive a narrowing type, whether a drop and an add are a rename.
 */
final class Decisions {

  private final Map<QualifiedName, TableSize> sizes;

  Decisions(Map<QualifiedName, TableSize> sizes) {
    this.sizes = sizes;
  }

  private boolean hasRows(QualifiedName table) {
    TableSize size = table == null ? null : sizes.get(table);
    return size != null && !size.isEmpty();
  }

  /**
   * The change with its decision; {@code notNullForms} makes the NOT NULL steps of a new column
   * (online or plain, as the plan goes).
   */
  List<PlannedChange> around(
      PlannedChange change, Function<AddColumnNotNull, List<PlannedChange>> notNullForms) {
    Operation operation = change.operation();
    if (operation instanceof AddColumn add && hasRows(add.table()) && needsValue(add.column())) {
      return newNotNullColumn(change, add, notNullForms);
    }
    String question = question(change);
    if (question == null) {
      return null;
    }
    return List.of(
        PlannedChange.of(new Decision(question), "left a decision open: " + question), change);
  }

  /** A NOT NULL column to set on a populated table after its values are decided. */
  record AddColumnNotNull(QualifiedName table, String column) {}

  private static boolean needsValue(Column column) {
    return !column.nullable()
        && column.defaultValue() == null
        && column.identity() == null
        && column.generated() == null;
  }

  private List<PlannedChange> newNotNullColumn(
      PlannedChange change,
      AddColumn add,
      Function<AddColumnNotNull, List<PlannedChange>> notNullForms) {
    String column = add.column().name();
    String where = add.table() + "." + column;
    List<PlannedChange> steps = new ArrayList<>();
    steps.add(
        new PlannedChange(
            new AddColumn(add.table(), add.column().withNullable(true)),
            change.summary(),
            List.of(
                ReviewFlag.of(
                    ReviewFlag.Kind.NOT_NULL,
                    add.table()
                        + " has rows, and "
                        + where
                        + " is NOT NULL without a default: it is added nullable, the value of"
                        + " the existing rows is yours to decide (op.decide below), then it is set"
                        + " NOT NULL"))));
    String question =
        "value of "
            + where
            + " on existing rows: replace this line with op.backfill(\""
            + add.table().name()
            + "\", \""
            + column
            + "\", \"<SQL expression>\")";
    steps.add(PlannedChange.of(new Decision(question), "left a decision open: " + question));
    steps.addAll(notNullForms.apply(new AddColumnNotNull(add.table(), column)));
    return steps;
  }

  /** The plain NOT NULL step, for plans that take no online forms. */
  static List<PlannedChange> plainNotNull(AddColumnNotNull column) {
    return List.of(
        PlannedChange.of(
            new AlterColumn(
                column.table(),
                column.column(),
                ColumnChange.NONE.withNullable(Change.of(true, false))),
            "set " + column.table() + "." + column.column() + " NOT NULL"));
  }

  private String question(PlannedChange change) {
    Operation operation = change.operation();
    if (operation instanceof ReplaceEnumType replace
        && replace.fromValues() != null
        && replace.fromValues().stream().anyMatch(v -> !replace.toValues().contains(v))
        && replace.usedBy().stream().map(EnumColumn::table).anyMatch(this::hasRows)) {
      return "rows holding the values "
          + replace.type()
          + " loses: change them first (op.execute an UPDATE), then delete this line";
    }
    for (ReviewFlag flag : change.flags()) {
      if (flag.kind() == ReviewFlag.Kind.TYPE
          && operation instanceof AlterColumn alter
          && hasRows(alter.table())) {
        return "whether the values of "
            + alter.table()
            + "."
            + alter.column()
            + " survive the new type (see the REVIEW note): fix them or change the mapping, then"
            + " delete this line";
      }
      if (flag.kind() == ReviewFlag.Kind.RENAME && hasRows(LockAnalysis.tableOf(operation))) {
        return "rename or drop and add (see the REVIEW note): the drop loses the column's data;"
            + " delete this line once decided";
      }
    }
    return null;
  }
}
