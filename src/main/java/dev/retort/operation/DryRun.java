package dev.retort.operation;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A migration's steps as it issues them, run against a sink that only records, each operation with
 * the source line that issued it (the frame in the migration's own class: javac keeps line numbers
 * by default, and Retort compiles migrations from source with them). A step that asks for the
 * connection ends the run there: what a data migration does with it cannot be known without a
 * database. What lint reads, what a checksum is made of, what the runner looks at before it runs
 * anything (open decisions, tables a first migration would create).
 *
 * @param stoppedAt why the run stopped before the end (it asked for the connection, or threw), or
 *     null when it ran to the end
 * @param stoppedLine the line where it stopped, or 0
 * @param usedConnection whether it stopped because it asked for the connection
 */
public record DryRun(
    List<Issued> operations, String stoppedAt, int stoppedLine, boolean usedConnection) {

  /** One operation and the line that issued it (0 when unknown). */
  public record Issued(Operation operation, int line) {}

  public DryRun {
    operations = List.copyOf(operations);
  }

  public static DryRun upgrade(Migration migration) {
    return of(migration, "upgrade", migration::upgrade);
  }

  public static DryRun downgrade(Migration migration) {
    return of(migration, "downgrade", migration::downgrade);
  }

  /** Thrown into the migration when it asks for the connection. */
  private static final class ConnectionRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionRequested() {
      super("a dry run has no database connection", null, false, true);
    }
  }

  private static DryRun of(Migration migration, String direction, Consumer<Operations> steps) {
    String owner = migration.getClass().getName();
    List<Issued> issued = new ArrayList<>();
    OperationSink sink =
        new OperationSink() {
          @Override
          public void accept(Operation operation) {
            issued.add(new Issued(operation, lineIn(owner)));
          }

          @Override
          public Connection connection() {
            throw new ConnectionRequested();
          }
        };
    try {
      steps.accept(new DslOperations(sink));
    } catch (ConnectionRequested e) {
      return new DryRun(issued, "it uses op.connection()", lineIn(owner, e), true);
    } catch (RuntimeException e) {
      return new DryRun(
          issued,
          "its " + direction + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          lineIn(owner, e),
          false);
    }
    return new DryRun(issued, null, 0, false);
  }

  /** The operations alone, in order. */
  public List<Operation> operationList() {
    return operations.stream().map(Issued::operation).toList();
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
