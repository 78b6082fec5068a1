package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.operation.DslOperations;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies and reverts migrations on a live database. Each migration runs in its own transaction
 * (unless it opts out) together with its version-table update, so the recorded heads always match
 * what was applied. A session advisory lock keeps concurrent runners from applying anything twice:
 * whoever waits re-reads the heads after the lock is theirs.
 */
public final class MigrationRunner {

  private final RevisionNavigator navigator;
  private final VersionTable versionTable;
  private final List<String> schemas;
  private final Duration lockTimeout;
  private final RunListener listener;

  public MigrationRunner(
      RevisionGraph graph,
      String versionTable,
      List<String> schemas,
      Duration lockTimeout,
      RunListener listener) {
    this.navigator = new RevisionNavigator(graph);
    this.versionTable = new VersionTable(versionTable);
    this.schemas = List.copyOf(schemas);
    this.lockTimeout = lockTimeout;
    this.listener = listener;
  }

  public RevisionNavigator navigator() {
    return navigator;
  }

  /** Prepares a session: search path on the configured schemas, encoding check. */
  public void prepare(Connection connection) throws SQLException {
    List<String> path = new ArrayList<>(schemas);
    if (!path.contains("public")) {
      path.add("public");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "SET search_path TO "
              + path.stream().map(s -> quote(s)).collect(Collectors.joining(", ")));
      try (ResultSet rs = statement.executeQuery("SHOW server_encoding")) {
        rs.next();
        String encoding = rs.getString(1);
        if (!"UTF8".equalsIgnoreCase(encoding)) {
          listener.warning(
              "the database encoding is "
                  + encoding
                  + ", not UTF8: text outside "
                  + encoding
                  + " (emoji, most non-Latin scripts) cannot be stored");
        }
      }
    }
  }

  public List<String> currentHeads(Connection connection) throws SQLException {
    return versionTable.heads(connection);
  }

  public List<VersionTable.Entry> history(Connection connection) throws SQLException {
    return versionTable.history(connection);
  }

  /** The migrations {@code upgrade target} would run, without running them. */
  public MigrationPath pending(Connection connection, String target) throws SQLException {
    return navigator.upgrade(currentHeads(connection), target);
  }

  public MigrationPath upgrade(Connection connection, String target) throws SQLException {
    return run(connection, Direction.UPGRADE, target);
  }

  public MigrationPath downgrade(Connection connection, String target) throws SQLException {
    return run(connection, Direction.DOWNGRADE, target);
  }

  private MigrationPath run(Connection connection, Direction direction, String target)
      throws SQLException {
    prepare(connection);
    try (AdvisoryLock lock = AdvisoryLock.acquire(connection, lockScope(), lockTimeout)) {
      List<String> heads = currentHeads(connection);
      MigrationPath path =
          direction == Direction.UPGRADE
              ? navigator.upgrade(heads, target)
              : navigator.downgrade(heads, target);
      if (path.isEmpty()) {
        return path;
      }
      listener.pathPlanned(path);
      VersionTable.Existing before = versionTable.existing(connection);
      inTransaction(connection, () -> versionTable.create(connection));
      for (int i = 0; i < path.steps().size(); i++) {
        try {
          runStep(connection, path.steps().get(i), direction, path.headsAfter(i + 1));
        } catch (SQLException | RuntimeException e) {
          if (i == 0) {
            // Nothing was applied, so the database goes back to exactly how it was found.
            dropQuietly(connection, before);
          }
          throw e;
        }
      }
      return path;
    }
  }

  /** Records {@code target} as the current state without running anything. */
  public List<String> stamp(Connection connection, String target, boolean purge)
      throws SQLException {
    prepare(connection);
    try (AdvisoryLock lock = AdvisoryLock.acquire(connection, lockScope(), lockTimeout)) {
      if (!purge) {
        navigator.requireKnown(currentHeads(connection));
      }
      List<String> heads = navigator.stampHeads(target);
      inTransaction(
          connection,
          () -> {
            versionTable.create(connection);
            versionTable.write(
                connection,
                heads,
                heads.isEmpty() ? "base" : String.join(",", heads),
                "stamp",
                purge ? "stamp --purge" : "stamp",
                null);
          });
      return heads;
    }
  }

  private String lockScope() {
    return schemas.get(0) + "." + versionTable.name();
  }

  private void runStep(
      Connection connection, MigrationScript script, Direction direction, List<String> headsAfter)
      throws SQLException {
    Migration migration = instantiate(script);
    boolean transactional = migration.transactional();
    listener.migrationStarted(script, direction);
    ExecutingSink sink = new ExecutingSink(connection, listener);
    long start = System.nanoTime();
    connection.setAutoCommit(!transactional);
    try {
      DslOperations operations = new DslOperations(sink);
      if (direction == Direction.UPGRADE) {
        migration.upgrade(operations);
      } else {
        migration.downgrade(operations);
      }
      connection.setAutoCommit(false);
      long millis = (System.nanoTime() - start) / 1_000_000;
      versionTable.write(
          connection, headsAfter, script.id(), direction.word(), script.message(), millis);
      connection.commit();
      listener.migrationFinished(script, direction, millis);
    } catch (StatementFailedException e) {
      rollbackQuietly(connection);
      throw MigrationFailedException.of(
          script, direction.word(), e.statement(), e.getCause(), transactional);
    } catch (IrreversibleOperationException e) {
      rollbackQuietly(connection);
      throw new MigrationFailedException(
          direction.word()
              + " of "
              + script.id()
              + " ("
              + script.source()
              + ") stopped: "
              + e.getMessage()
              + "; it was rolled back and the database is unchanged",
          "write the " + direction.word() + " steps by hand in " + script.source(),
          e);
    } catch (RetortException e) {
      rollbackQuietly(connection);
      throw e;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw MigrationFailedException.of(script, direction.word(), null, e, transactional);
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    }
  }

  private static Migration instantiate(MigrationScript script) {
    try {
      return script.newMigration();
    } catch (RuntimeException | LinkageError e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "cannot create migration " + script.id() + " (" + script.source() + "): " + e,
          "a migration needs a public no-argument constructor",
          e);
    }
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void dropQuietly(Connection connection, VersionTable.Existing before) {
    try {
      if (!connection.isClosed()) {
        inTransaction(connection, () -> versionTable.dropCreatedSince(connection, before));
      }
    } catch (SQLException | RuntimeException ignored) {
      // The migration's failure is what the user needs to see; the empty tables only record
      // nothing.
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The original failure is what the user needs to see.
    }
  }
}
