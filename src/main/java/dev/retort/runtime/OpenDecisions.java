package dev.retort.runtime;

import dev.retort.migration.Migration;
import dev.retort.operation.Decision;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.revision.Direction;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions a migration leaves open ({@code op.decide(...)}), found by running its steps
 * against a sink that only records, before anything reaches the database. A step that asks for the
 * connection ends the scan there: what a data migration does with it cannot be known without
 * running it.
 */
public final class OpenDecisions {

  /** An open decision and the line of the migration's source that holds it (0 when unknown). */
  public record Open(String question, int line) {}

  private OpenDecisions() {}

  public static List<Open> in(Migration migration, Direction direction) {
    Recorder recorder = new Recorder(migration.getClass().getName());
    try {
      MigrationRunner.runMigration(migration, direction, new DslOperations(recorder));
    } catch (RuntimeException e) {
      // ScanEnds, or a failure: past this point the steps depend on the database, or fail on their
      // own when run.
    }
    return recorder.open;
  }

  /** Thrown to stop a scan at a step that needs the live connection. */
  private static final class ScanEnds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScanEnds() {
      super(null, null, false, false);
    }
  }

  private static final class Recorder implements OperationSink {
    private final String migrationClass;
    private final List<Open> open = new ArrayList<>();

    Recorder(String migrationClass) {
      this.migrationClass = migrationClass;
    }

    @Override
    public void accept(Operation operation) {
      if (operation instanceof Decision decision) {
        open.add(new Open(decision.question(), callerLine()));
      }
    }

    /** The line in the migration class (or a class nested in it) that made the call. */
    private int callerLine() {
      for (StackTraceElement frame : new Throwable().getStackTrace()) {
        String name = frame.getClassName();
        if (name.equals(migrationClass) || name.startsWith(migrationClass + "$")) {
          return Math.max(frame.getLineNumber(), 0);
        }
      }
      return 0;
    }

    @Override
    public Connection connection() {
      throw new ScanEnds();
    }
  }
}
