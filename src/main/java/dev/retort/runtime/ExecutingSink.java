package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;

import dev.retort.digest.Digests;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.SqlGenerator;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Runs each operation's statements on the migration's connection as soon as it is issued. Before a
 * table or a column that holds data goes, it says how much. For a non-transactional step it records
 * each committed statement, so that a step that stops partway resumes after them.
 */
final class ExecutingSink implements OperationSink {

  /** Rows are counted up to here; more is "over a million". */
  private static final int COUNT_LIMIT = 1_000_000;

  /** A non-transactional step's progress: where it resumes, and where it records. */
  record Progress(
      VersionTable table, String revision, String direction, VersionTable.Partial resume) {}

  private final Connection connection;
  private final SqlGenerator generator = new SqlGenerator();
  private final RunListener listener;
  private final StepGuards guards;
  private final StatementObserver observer;
  private final String revision;
  private final Progress progress;
  private int statements;
  private int committed;

  /**
   * @param progress null for a transactional step
   */
  ExecutingSink(Connection connection, RunListener listener, Progress progress) {
    this(connection, listener, progress, StatementObserver.NONE, null);
  }

  /**
   * @param revision the step's revision, told to the observer
   */
  ExecutingSink(
      Connection connection,
      RunListener listener,
      Progress progress,
      StatementObserver observer,
      String revision) {
    this.observer = observer;
    this.revision = revision;
    this.connection = connection;
    this.listener = listener;
    this.guards = new StepGuards(connection, listener);
    this.progress = progress;
  }

  /** How many of this step's statements committed on their own (non-transactional steps). */
  int committedStatements() {
    return committed;
  }

  @Override
  public void accept(Operation operation) {
    warnAboutDataLoss(operation);
    boolean first = true;
    for (String sql : generator.statements(operation)) {
      statements++;
      if (resumeSkips(sql)) {
        continue;
      }
      FaultInjection.beforeStatement();
      listener.statement(sql);
      try {
        if (first) {
          guards.before(operation);
        }
        observer.before(connection, progress == null ? revision : progress.revision(), sql);
        if (operation instanceof BackfillColumn backfill) {
          backfill(backfill, sql);
        } else if (operation instanceof CreateIndex create && create.concurrently()) {
          buildConcurrently(create, sql);
        } else {
          try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
          }
        }
        observer.after(connection, sql);
        first = false;
        if (progress != null) {
          progress
              .table()
              .recordStatement(
                  connection, progress.revision(), progress.direction(), statements, hash(sql));
          committed = statements;
        }
      } catch (SQLException e) {
        throw new StatementFailedException(sql, statements, e);
      }
    }
  }

  /**
   * Repeats the batch until no row is left: at most as many batches as the null rows counted first
   * need, so an expression that yields NULL for some rows cannot loop for ever.
   */
  private void backfill(BackfillColumn backfill, String batch) throws SQLException {
    long remaining;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT count(*) FROM "
                    + qualified(backfill.table())
                    + " WHERE "
                    + quote(backfill.column())
                    + " IS NULL")) {
      rs.next();
      remaining = rs.getLong(1);
    }
    long batches = (remaining + backfill.batchSize() - 1) / backfill.batchSize();
    long done = 0;
    for (long i = 0; i <= batches; i++) {
      int updated;
      try (Statement statement = connection.createStatement()) {
        updated = statement.executeUpdate(batch);
      }
      done += updated;
      if (updated == 0) {
        break;
      }
    }
    listener.statement("-- " + done + " rows of " + backfill.table() + " filled");
  }

  /** A concurrent build that leaves an INVALID index is dropped and tried once more. */
  private void buildConcurrently(CreateIndex create, String sql) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        // A failed build leaves its INVALID index behind; the guard drops it before any retry.
        guards.indexValid(create);
        throw e;
      }
      if (guards.indexValid(create)) {
        return;
      }
      if (attempt == 2) {
        throw new SQLException(
            "index " + create.index().name() + " was INVALID after two concurrent builds", "55000");
      }
    }
  }

  /**
   * Whether a statement committed by an earlier, interrupted run of this step is skipped; refuses
   * when it is not the statement that ran then.
   */
  private boolean resumeSkips(String sql) {
    if (progress == null || progress.resume() == null) {
      return false;
    }
    VersionTable.Partial resume = progress.resume();
    if (statements > resume.statementsDone()) {
      return false;
    }
    if (!resume.statementHashes().get(statements - 1).equals(hash(sql))) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          progress.direction()
              + " of "
              + progress.revision()
              + " stopped earlier after statement "
              + resume.statementsDone()
              + ", and statement "
              + statements
              + " is no longer the one that ran then, so it cannot resume",
          "undo what those statements did by hand (or change the migration back), then delete its"
              + " row from "
              + progress.table().name()
              + "_partial and run the command again");
    }
    committed = statements;
    listener.statement("-- already applied by an earlier run: " + sql);
    return true;
  }

  private static String hash(String sql) {
    return Digests.of(Stream.of(sql));
  }

  @Override
  public Connection connection() {
    return connection;
  }

  /** "dropping users.salary: 3 rows hold a value", before the data goes. */
  private void warnAboutDataLoss(Operation operation) {
    if (operation instanceof DropTable drop) {
      long rows = count(drop.name(), null);
      if (rows > 0) {
        listener.warning("dropping table " + drop.name() + ": " + describe(rows) + " are lost");
      }
    } else if (operation instanceof DropColumn drop) {
      long rows = count(drop.table(), drop.column());
      if (rows > 0) {
        listener.warning(
            "dropping "
                + drop.table()
                + "."
                + drop.column()
                + ": "
                + describe(rows)
                + " hold a value, which is lost");
      }
    }
  }

  private static String describe(long rows) {
    return rows > COUNT_LIMIT ? "over a million rows" : rows == 1 ? "1 row" : rows + " rows";
  }

  /** Rows of the table (holding a value in the column, when given); 0 when it cannot tell. */
  private long count(QualifiedName table, String column) {
    String sql =
        "SELECT count(*) FROM (SELECT 1 FROM "
            + qualified(table)
            + (column == null ? "" : " WHERE " + quote(column) + " IS NOT NULL")
            + " LIMIT "
            + (COUNT_LIMIT + 1)
            + ") AS counted";
    Savepoint savepoint = null;
    try {
      if (!connection.getAutoCommit()) {
        savepoint = connection.setSavepoint();
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      // A table or column that is not there: the drop itself says so.
      try {
        if (savepoint != null) {
          connection.rollback(savepoint);
        }
      } catch (SQLException ignored) {
        // The drop's own failure will be reported.
      }
      return 0;
    }
  }
}
