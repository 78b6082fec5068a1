package dev.retort.lint;

import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropIndex;
import java.util.List;

/** Building and dropping indexes. */
final class IndexRules {

  static final RuleInfo CREATE =
      new RuleInfo(
          "RT001",
          Severity.ERROR,
          "index created without CONCURRENTLY",
          "CREATE INDEX holds a SHARE lock on the table while it builds: every insert, update and"
              + " delete waits, for minutes on a large table",
          "op.createIndexConcurrently(...) in a migration with transactional() = false");

  static final RuleInfo DROP =
      new RuleInfo(
          "RT002",
          Severity.WARNING,
          "index dropped without CONCURRENTLY",
          "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table, blocking reads too",
          "op.dropIndexConcurrently(...) in a migration with transactional() = false");

  static final RuleInfo IN_TRANSACTION =
      new RuleInfo(
          "RT003",
          Severity.ERROR,
          "CONCURRENTLY inside a transaction",
          "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY in a transaction block: the migration"
              + " fails",
          "override transactional() to return false in this migration (and keep the concurrent"
              + " steps in a migration of their own)");

  private IndexRules() {}

  static List<LintRule> rules() {
    return List.of(
        new OperationRule<>(
            CREATE,
            CreateIndex.class,
            (op, step, m) ->
                op.concurrently() || m.isNew(op.table(), step)
                    ? null
                    : "index "
                        + op.index().name()
                        + " is built on "
                        + op.table()
                        + " without CONCURRENTLY: writes to "
                        + op.table()
                        + " wait until it is built"),
        new OperationRule<>(
            DROP,
            DropIndex.class,
            (op, step, m) ->
                op.concurrently()
                    ? null
                    : "index "
                        + op.index()
                        + " is dropped without CONCURRENTLY: its table is locked against reads"
                        + " and writes meanwhile"),
        new Composite(
            IN_TRANSACTION,
            new OperationRule<>(
                IN_TRANSACTION,
                CreateIndex.class,
                (op, step, m) ->
                    op.concurrently() && m.transactional()
                        ? "index "
                            + op.index().name()
                            + " is created CONCURRENTLY in a transactional migration: PostgreSQL"
                            + " refuses it"
                        : null),
            new OperationRule<>(
                IN_TRANSACTION,
                DropIndex.class,
                (op, step, m) ->
                    op.concurrently() && m.transactional()
                        ? "index "
                            + op.index()
                            + " is dropped CONCURRENTLY in a transactional migration: PostgreSQL"
                            + " refuses it"
                        : null)));
  }
}
