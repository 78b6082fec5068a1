package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.connect.ConnectionSource;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code lock.mode=table}: the migration lock as a row of a small table beside the version table,
 * for engines without advisory locks. The row names its owner and carries a heartbeat and an
 * expiry; it is taken and released in short transactions of their own, on a connection of its own,
 * so the migrations' transactions never hold it. While the run goes on, a heartbeat pushes the
 * expiry forward; a row whose owner stopped beating (a killed runner) is taken over once it
 * expires, with a message saying whose it was. All times are the server's, so runners' clocks never
 * disagree.
 */
final class TableLock implements MigrationLock {

  /** How long a lock row stays valid after its last heartbeat. */
  static final Duration EXPIRY = Duration.ofSeconds(30);

  /** A third of the expiry: two heartbeats may be missed (a pause, a slow server) safely. */
  private static final Duration HEARTBEAT = EXPIRY.dividedBy(3);

  private static final long POLL_MILLIS = 100;
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final Connection connection;
  private final String table;
  private final String key;
  private final String owner;
  private final ScheduledExecutorService heartbeat;
  private volatile String lost;

  private TableLock(Connection connection, String table, String key, String owner) {
    this.connection = connection;
    this.table = table;
    this.key = key;
    this.owner = owner;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "retort-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    heartbeat.scheduleWithFixedDelay(
        this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock row for {@code identity} in {@code schema}'s lock table, waiting up to {@code
   * timeout} for its holder, taking it over once it expired.
   */
  static TableLock acquire(
      ConnectionSource connections,
      String schema,
      String lockTable,
      String identity,
      Duration timeout,
      RunListener listener)
      throws SQLException {
    String table = quote(schema) + "." + quote(lockTable);
    String owner = owner();
    Connection connection = connections.open();
    try {
      connection.setAutoCommit(true);
      create(connection, table);
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      long nextReport = start;
      while (true) {
        if (insert(connection, table, identity, owner)) {
          return new TableLock(connection, table, identity, owner);
        }
        String previous = takeOver(connection, table, identity, owner);
        if (previous != null) {
          listener.warning("took over the expired migration lock of " + previous);
          return new TableLock(connection, table, identity, owner);
        }
        long now = System.nanoTime();
        if (now >= deadline) {
          throw new RetortException(
              ExitCode.LOCK_TIMEOUT,
              "another runner has held the migration lock for over "
                  + timeout.toSeconds()
                  + " s ("
                  + holder(connection, table, identity)
                  + ")",
              "wait for it to finish and run the command again, or raise lock.timeout; a runner"
                  + " that is gone stops beating, and its lock is taken over "
                  + EXPIRY.toSeconds()
                  + " s after its last heartbeat");
        }
        if (now >= nextReport) {
          listener.warning(
              "waiting for the migration lock, held by "
                  + holder(connection, table, identity)
                  + " ...");
          nextReport = now + REPORT_EVERY.toNanos();
        }
        pause();
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Two runners creating the table at once may collide on the catalog's unique index; the loser
   * finds it there.
   */
  private static void create(Connection connection, String table) throws SQLException {
    String sql =
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (lock_key text PRIMARY KEY, owner text NOT NULL,"
            + " acquired_at timestamp with time zone NOT NULL,"
            + " heartbeat_at timestamp with time zone NOT NULL,"
            + " expires_at timestamp with time zone NOT NULL)";
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private static boolean insert(Connection connection, String table, String key, String owner)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (lock_key, owner, acquired_at, heartbeat_at, expires_at)"
                + " VALUES (?, ?, clock_timestamp(), clock_timestamp(), clock_timestamp() + ?::interval)"
                + " ON CONFLICT (lock_key) DO NOTHING")) {
      statement.setString(1, key);
      statement.setString(2, owner);
      statement.setString(3, EXPIRY.toMillis() + " milliseconds");
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * Takes an expired row, in one statement: of two runners doing so at once, the second re-reads
   * the row the first wrote, which no longer matches. Returns whose it was, or null.
   */
  private static String takeOver(Connection connection, String table, String key, String owner)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "WITH expired AS (SELECT lock_key, owner, heartbeat_at FROM "
                + table
                + " WHERE lock_key = ? AND expires_at < clock_timestamp() FOR UPDATE)"
                + " UPDATE "
                + table
                + " AS l SET owner = ?, acquired_at = clock_timestamp(),"
                + " heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() + ?::interval"
                + " FROM expired WHERE l.lock_key = expired.lock_key"
                + " RETURNING expired.owner, expired.heartbeat_at")) {
      statement.setString(1, key);
      statement.setString(2, owner);
      statement.setString(3, EXPIRY.toMillis() + " milliseconds");
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        OffsetDateTime beat = rs.getObject(2, OffsetDateTime.class);
        return rs.getString(1) + " (last heartbeat " + beat.truncatedTo(ChronoUnit.SECONDS) + ")";
      }
    }
  }

  /** Who holds the lock, since when and until when, for the messages. */
  static String holder(Connection connection, String table, String key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT owner, acquired_at, heartbeat_at, expires_at FROM "
                + table
                + " WHERE lock_key = ?")) {
      statement.setString(1, key);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return "a runner that has just released it";
        }
        return rs.getString(1)
            + ", since "
            + rs.getObject(2, OffsetDateTime.class).truncatedTo(ChronoUnit.SECONDS)
            + ", last heartbeat "
            + rs.getObject(3, OffsetDateTime.class).truncatedTo(ChronoUnit.SECONDS)
            + ", expiring "
            + rs.getObject(4, OffsetDateTime.class).truncatedTo(ChronoUnit.SECONDS);
      }
    }
  }

  /** Host, process and a token unique to this run (runners in one process are told apart). */
  private static String owner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + " pid "
        + ProcessHandle.current().pid()
        + " run "
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void pause() throws SQLException {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the migration lock", e);
    }
  }

  /** Pushes the expiry forward; a row that is no longer this runner's is remembered as lost. */
  private synchronized void beat() {
    if (lost != null) {
      return;
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() +"
                + " ?::interval WHERE lock_key = ? AND owner = ?")) {
      statement.setString(1, EXPIRY.toMillis() + " milliseconds");
      statement.setString(2, key);
      statement.setString(3, owner);
      if (statement.executeUpdate() == 0) {
        lost = "the lock row is no longer this runner's: " + holder(connection, table, key);
      }
    } catch (SQLException e) {
      // One missed beat is within the margin; the next one, or ensureHeld, tells.
    }
  }

  @Override
  public void ensureHeld() {
    beat();
    if (lost != null) {
      throw new RetortException(
          ExitCode.LOCK_TIMEOUT,
          "this runner lost the migration lock before its next step ("
              + lost
              + "): its heartbeat stalled for over "
              + EXPIRY.toSeconds()
              + " s",
          "the steps before stay applied; run the command again once the other runner is done");
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    heartbeat.shutdownNow();
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM " + table + " WHERE lock_key = ? AND owner = ?")) {
      statement.setString(1, key);
      statement.setString(2, owner);
      statement.executeUpdate();
    } finally {
      connection.close();
    }
  }
}
