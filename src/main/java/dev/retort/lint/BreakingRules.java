package dev.retort.lint;

import dev.retort.operation.DropColumn;
import dev.retort.operation.DropTable;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import java.util.List;

/**
 * Renames and drops that break the application instances still running while a migration is
 * deployed: their Hibernate mappings name every column and table they use.
 */
final class BreakingRules {

  static final RuleInfo RENAME =
      new RuleInfo(
          "RT011",
          Severity.ERROR,
          "table or column renamed",
          "instances running the previous version still use the old name and fail until they are"
              + " replaced",
          "add the new column (or a view for a table), write to both, backfill, move readers,"
              + " then drop the old one in a later release");

  static final RuleInfo DROP_COLUMN =
      new RuleInfo(
          "RT012",
          Severity.ERROR,
          "column dropped",
          "instances running the previous version still select and insert the column and fail;"
              + " its data is gone",
          "release code that no longer maps the column first (remove the field, or @Transient),"
              + " then drop it in a later migration and suppress with that reason");

  static final RuleInfo DROP_TABLE =
      new RuleInfo(
          "RT013",
          Severity.WARNING,
          "table dropped",
          "instances running the previous version still query the table and fail; its rows are"
              + " gone",
          "release code that no longer maps the table first, then drop it in a later migration");

  private BreakingRules() {}

  static List<LintRule> rules() {
    return List.of(
        new Composite(
            RENAME,
            new OperationRule<>(
                RENAME,
                RenameColumn.class,
                (op, step, m) ->
                    m.isNew(op.table(), step)
                        ? null
                        : "column "
                            + op.table()
                            + "."
                            + op.column()
                            + " is renamed to "
                            + op.newName()
                            + " while running instances still use the old name"),
            new OperationRule<>(
                RENAME,
                RenameTable.class,
                (op, step, m) ->
                    m.isNew(op.table(), step)
                        ? null
                        : "table "
                            + op.table()
                            + " is renamed to "
                            + op.newName()
                            + " while running instances still use the old name")),
        new OperationRule<>(
            DROP_COLUMN,
            DropColumn.class,
            (op, step, m) ->
                m.isNew(op.table(), step)
                    ? null
                    : "column "
                        + op.table()
                        + "."
                        + op.column()
                        + " is dropped: running instances that map it fail"),
        new OperationRule<>(
            DROP_TABLE,
            DropTable.class,
            (op, step, m) ->
                m.isNew(op.name(), step)
                    ? null
                    : "table " + op.name() + " is dropped: running instances that map it fail"));
  }
}
