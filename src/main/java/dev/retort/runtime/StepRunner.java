package dev.retort.runtime;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.operation.DryRun;
import dev.retort.operation.DslOperations;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationScript;
import dev.retort.runtime.MigrationRunner.RunPosition;
import dev.retort.runtime.MigrationRunner.StepOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one migration step: in one transaction with its version-table update, or, for a migration
 * that opts out, statement by statement with each committed statement recorded. A failure becomes a
 * message that says what of the step and of the run stayed applied.
 */
final class StepRunner {

  private final Connection connection;
  private final VersionTable versionTable;
  private final RunListener listener;
  private final StatementObserver observer;
  private final boolean perStatement;

  /**
   * @param perStatement every statement commits on its own ({@code
   *     transaction.mode=per-statement}), as in a migration that opts out of its transaction
   */
  StepRunner(
      Connection connection,
      VersionTable versionTable,
      RunListener listener,
      StatementObserver observer,
      boolean perStatement) {
    this.observer = observer;
    this.perStatement = perStatement;
    this.connection = connection;
    this.versionTable = versionTable;
    this.listener = listener;
  }

  StepOutcome run(
      MigrationScript script, Direction direction, List<String> headsAfter, RunPosition position)
      throws SQLException {
    Migration migration = MigrationRunner.instantiate(script);
    // One dry run serves the refusal of open decisions and, after an upgrade, its checksum.
    DryRun planned =
        direction == Direction.UPGRADE ? DryRun.upgrade(migration) : DryRun.downgrade(migration);
    List<OpenDecisions.Open> open = OpenDecisions.in(planned);
    if (!open.isEmpty()) {
      return new StepOutcome(undecided(script, direction, position, open), 0);
    }
    // Per-statement mode is the opted-out path for every migration: one resume mechanism for both.
    boolean transactional = migration.transactional() && !perStatement;
    VersionTable.Partial resume =
        transactional ? null : versionTable.partial(connection, script.id(), direction.word());
    listener.migrationStarted(script, direction);
    ExecutingSink sink =
        new ExecutingSink(
            connection,
            listener,
            transactional
                ? null
                : new ExecutingSink.Progress(versionTable, script.id(), direction.word(), resume),
            observer,
            script.id());
    long start = System.nanoTime();
    connection.setAutoCommit(!transactional);
    try {
      MigrationRunner.runMigration(migration, direction, new DslOperations(sink));
      connection.setAutoCommit(false);
      long millis = (System.nanoTime() - start) / 1_000_000;
      versionTable.write(
          connection, headsAfter, script.id(), direction.word(), script.message(), millis);
      if (direction == Direction.UPGRADE) {
        new AppliedChecksums(versionTable)
            .record(connection, script.id(), direction.word(), Fingerprint.of(planned));
      }
      if (!transactional) {
        versionTable.clearPartial(connection, script.id(), direction.word());
      }
      connection.commit();
      observer.stepCommitted(transactional);
      listener.migrationFinished(script, direction, millis);
      return new StepOutcome(null, sink.committedStatements());
    } catch (StatementFailedException e) {
      return failed(script, direction, position, transactional, sink, e.statement(), e.sqlCause());
    } catch (IrreversibleOperationException e) {
      Transactions.rollbackQuietly(connection);
      return new StepOutcome(
          new MigrationFailedException(
              direction.word()
                  + " of "
                  + script.id()
                  + " ("
                  + script.source()
                  + "), "
                  + position.describe()
                  + ", stopped: "
                  + e.getMessage()
                  + "; "
                  + nothingCommitted(transactional, sink)
                  + "; "
                  + position.earlierSteps()
                  + ": the database is at "
                  + position.databaseAt(),
              "write the " + direction.word() + " steps by hand in " + script.source(),
              e),
          sink.committedStatements());
    } catch (RetortException e) {
      Transactions.rollbackQuietly(connection);
      return new StepOutcome(e, sink.committedStatements());
    } catch (SQLException | RuntimeException e) {
      return failed(script, direction, position, transactional, sink, null, e);
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    }
  }

  /** A migration with an open decision does not start: nothing of it has run. */
  private static RetortException undecided(
      MigrationScript script,
      Direction direction,
      RunPosition position,
      List<OpenDecisions.Open> open) {
    OpenDecisions.Open first = open.get(0);
    return new MigrationFailedException(
        direction.word()
            + " of "
            + script.id()
            + " refused before any statement: "
            + script.source()
            + (first.line() > 0 ? ":" + first.line() : "")
            + " leaves a decision open ("
            + first.question()
            + ")"
            + (open.size() > 1 ? " and " + (open.size() - 1) + " more" : "")
            + "; "
            + position.earlierSteps()
            + ": the database is at "
            + position.databaseAt(),
        "decide: replace each op.decide(...) with the steps it asks for, then run again",
        null);
  }

  private StepOutcome failed(
      MigrationScript script,
      Direction direction,
      RunPosition position,
      boolean transactional,
      ExecutingSink sink,
      String statement,
      Throwable cause) {
    Transactions.rollbackQuietly(connection);
    String where =
        direction.word()
            + " of "
            + script.id()
            + " ("
            + script.source()
            + "), "
            + position.describe();
    String state =
        nothingCommitted(transactional, sink)
            + "; "
            + position.earlierSteps()
            + ": the database is at "
            + position.databaseAt();
    if (Transactions.lost(connection, cause)) {
      return new StepOutcome(
          new RetortException(
              ExitCode.DATABASE_UNAVAILABLE,
              "the connection to the database was lost during "
                  + where
                  + ": "
                  + MigrationFailedException.firstLine(cause)
                  + "; "
                  + state,
              "check the database server, then run the command again: it continues where this"
                  + " run stopped",
              cause),
          sink.committedStatements());
    }
    if (!transactional) {
      Transactions.quietly(
          connection,
          () ->
              versionTable.recordFailure(
                  connection,
                  script.id(),
                  direction.word(),
                  MigrationFailedException.firstLine(cause)));
    }
    return new StepOutcome(
        MigrationFailedException.of(
            where, statement, cause, state, transactional, sink.committedStatements()),
        sink.committedStatements());
  }

  /** What of the failed step is committed. */
  private static String nothingCommitted(boolean transactional, ExecutingSink sink) {
    if (transactional) {
      return "it was rolled back";
    }
    int committed = sink.committedStatements();
    return committed == 0
        ? "none of its statements was committed"
        : "it is not transactional, and statements 1-"
            + committed
            + " of it were committed (recorded, so the next run resumes after them)";
  }
}
