package dev.retort.lint;

import dev.retort.operation.BackfillColumn;
import dev.retort.operation.Decision;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/** Data changes in raw SQL, read from the parsed statements. */
final class DataRules {

  static final RuleInfo BACKFILL =
      new RuleInfo(
          "RT017",
          Severity.WARNING,
          "backfill in the DDL transaction",
          "an UPDATE, DELETE or INSERT ... SELECT in the transaction that also alters a table keeps"
              + " that table locked for as long as the backfill runs",
          "backfill in a migration of its own with transactional() = false, in batches");

  static final RuleInfo NO_WHERE =
      new RuleInfo(
          "RT018",
          Severity.WARNING,
          "UPDATE or DELETE without WHERE",
          "it touches every row in one transaction: long row locks, table bloat, and for DELETE"
              + " all the data",
          "add the WHERE clause you mean, and batch large changes (WHERE id BETWEEN ...)");

  static final RuleInfo TRUNCATE_CASCADE =
      new RuleInfo(
          "RT019",
          Severity.ERROR,
          "TRUNCATE ... CASCADE",
          "CASCADE also empties every table with a foreign key to it, and theirs",
          "truncate or delete from the referencing tables by name");

  private DataRules() {}

  static final RuleInfo DECISION =
      new RuleInfo(
          "RT029",
          Severity.ERROR,
          "decision left open",
          "op.decide(...) marks what only a person can decide (the value of existing rows, what"
              + " becomes of rows holding a removed enum value); upgrade refuses the migration"
              + " until it is answered",
          "replace the op.decide(...) line with the steps it asks for");

  static List<LintRule> rules() {
    return List.of(
        new OperationRule<>(
            DECISION,
            Decision.class,
            (decision, step, m) -> "decision left open: " + decision.question()),
        new Composite(
            BACKFILL,
            new OperationRule<>(
                BACKFILL,
                BackfillColumn.class,
                (backfill, step, m) ->
                    m.transactional() && !m.isNew(backfill.table(), step)
                        ? "op.backfill of "
                            + backfill.table()
                            + " in a transactional migration: its batches cannot commit apart,"
                            + " so every row it fills stays locked until the migration ends"
                        : null),
            backfillStatements()));
  }

  private static LintRule backfillStatements() {
    return new StatementRule(
        BACKFILL,
        (statement, step, m) -> {
          QualifiedName target = dataTarget(statement);
          if (!m.transactional() || target == null || m.isNew(target, step)) {
            return null;
          }
          QualifiedName altered = alteredExistingTable(m);
          return altered == null
              ? null
              : "rows of "
                  + target
                  + " are changed in the transaction that also alters "
                  + altered
                  + ": the lock is held until the backfill ends";
        });
  }

  static List<LintRule> statementRules() {
    return List.of(
        new StatementRule(
            NO_WHERE,
            (statement, step, m) -> {
              if (statement instanceof Update update && update.getWhere() == null) {
                QualifiedName table = SqlNames.table(update.getTable());
                return m.isNew(table, step)
                    ? null
                    : "UPDATE " + table + " has no WHERE: every row changes";
              }
              if (statement instanceof Delete delete && delete.getWhere() == null) {
                QualifiedName table = SqlNames.table(delete.getTable());
                return m.isNew(table, step)
                    ? null
                    : "DELETE FROM " + table + " has no WHERE: every row goes";
              }
              return null;
            }),
        new StatementRule(
            TRUNCATE_CASCADE,
            (statement, step, m) ->
                statement instanceof Truncate truncate && truncate.getCascade()
                    ? "TRUNCATE "
                        + SqlNames.table(truncate.getTable())
                        + " CASCADE also empties every table that references it"
                    : null));
  }

  /** The table whose rows a statement changes in bulk, or null. */
  private static QualifiedName dataTarget(Statement statement) {
    if (statement instanceof Update update) {
      return SqlNames.table(update.getTable());
    }
    if (statement instanceof Delete delete) {
      return SqlNames.table(delete.getTable());
    }
    if (statement instanceof Insert insert
        && insert.getSelect() != null
        && insert.getValues() == null) {
      return SqlNames.table(insert.getTable());
    }
    return null;
  }

  private static QualifiedName alteredExistingTable(MigrationContext m) {
    for (Step step : m.steps()) {
      QualifiedName table = LockedTable.of(step);
      if (table != null && !m.isNew(table, step)) {
        return table;
      }
    }
    return null;
  }

  /** A rule about parsed raw SQL statements. */
  static final class StatementRule implements LintRule {
    interface Check {
      String message(Statement statement, Step step, MigrationContext migration);
    }

    private final RuleInfo info;
    private final Check check;

    StatementRule(RuleInfo info, Check check) {
      this.info = info;
      this.check = check;
    }

    @Override
    public RuleInfo info() {
      return info;
    }

    @Override
    public List<Finding> check(MigrationContext migration) {
      List<Finding> findings = new ArrayList<>();
      for (Step step : migration.steps()) {
        // A statement that became several operations is one step per operation: check it once.
        if (step.statement() != null && isFirstOfItsStatement(step, migration)) {
          String message = check.message(step.statement(), step, migration);
          if (message != null) {
            findings.add(migration.finding(info, step.line(), message));
          }
        }
      }
      return findings;
    }

    private static boolean isFirstOfItsStatement(Step step, MigrationContext migration) {
      return step.index() == 0
          || migration.steps().get(step.index() - 1).statement() != step.statement();
    }
  }
}
