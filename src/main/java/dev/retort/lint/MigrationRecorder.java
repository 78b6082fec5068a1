package dev.retort.lint;

import dev.retort.migration.Migration;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a migration's {@code upgrade} against a sink that only records, taking each operation's line
 * from the call stack: the frame in the migration's own class (javac keeps line numbers by default,
 * and Retort compiles migrations from source with them).
 */
final class MigrationRecorder {

  private MigrationRecorder() {}

  /** Thrown into the migration when it asks for the connection: lint has no database. */
  private static final class ConnectionRequested extends RuntimeException {
    ConnectionRequested() {
      super("lint has no database connection", null, false, true);
    }
  }

  static Recording record(Migration migration) {
    String owner = migration.getClass().getName();
    List<Recording.Issued> issued = new ArrayList<>();
    OperationSink sink =
        new OperationSink() {
          @Override
          public void accept(Operation operation) {
            issued.add(new Recording.Issued(operation, lineIn(owner)));
          }

          @Override
          public Connection connection() {
            throw new ConnectionRequested();
          }
        };
    try {
      migration.upgrade(new DslOperations(sink));
    } catch (ConnectionRequested e) {
      return new Recording(
          migration.transactional(), issued, "it uses op.connection()", lineIn(owner, e));
    } catch (RuntimeException e) {
      return new Recording(
          migration.transactional(),
          issued,
          "its upgrade threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          lineIn(owner, e));
    }
    return new Recording(migration.transactional(), issued, null, 0);
  }

  /** The line of the innermost frame in the migration's class (or its nested classes), or 0. */
  private static int lineIn(String owner) {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(frame -> isOwner(frame.getClassName(), owner))
                    .findFirst()
                    .map(frame -> Math.max(frame.getLineNumber(), 0))
                    .orElse(0));
  }

  private static int lineIn(String owner, Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (isOwner(frame.getClassName(), owner)) {
        return Math.max(frame.getLineNumber(), 0);
      }
    }
    return 0;
  }

  private static boolean isOwner(String className, String owner) {
    return className.equals(owner) || className.startsWith(owner + "$");
  }
}
