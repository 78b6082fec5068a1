package dev.retort.runtime;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A session-level advisory lock that serializes runners on one version table. Session-level,
 * because it must outlive the per-migration transactions; polled with {@code pg_try_advisory_lock}
 * so the wait has a timeout and a clear message instead of hanging. Its key comes from the version
 * table's resolved identity (database and schema object ids, table name), so any two runners that
 * share a version table share the lock, however they spell its schema. A runner that waits says who
 * holds the lock, and says it again while it keeps waiting.
 */
final class AdvisoryLock implements MigrationLock {

  private static final long POLL_MILLIS = 100;
  private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final Connection connection;
  private final long key;

  private AdvisoryLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  static AdvisoryLock acquire(
      Connection connection, String identity, Duration timeout, RunListener listener)
      throws SQLException {
    long key = keyFor(identity);
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start;
    while (true) {
      if (tryLock(connection, key)) {
        return new AdvisoryLock(connection, key);
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        throw new RetortException(
            ExitCode.LOCK_TIMEOUT,
            "another runner has held the migration lock for over "
                + timeout.toSeconds()
                + " s ("
                + holder(connection, key)
                + ")",
            "wait for it to finish and run the command again, or raise lock.timeout; if that"
                + " runner is gone, its database session still holds the lock: end it with"
                + " pg_terminate_backend(pid)");
      }
      if (now >= nextReport) {
        listener.warning(
            "waiting for the migration lock, held by " + holder(connection, key) + " ...");
        nextReport = now + REPORT_EVERY.toNanos();
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the migration lock", e);
      }
    }
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Who holds the lock: process id, application, client and since when (pg_locks shows a bigint
   * advisory key as its high and low 32 bits).
   */
  static String holder(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT a.pid, a.application_name, host(a.client_addr), a.backend_start, a.state"
                + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ?"
                + " AND l.objsubid = 1 LIMIT 1")) {
      statement.setLong(1, (key >>> 32) & 0xffffffffL);
      statement.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return "a session this role cannot see";
        }
        OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
        String application = rs.getString(2);
        String client = rs.getString(3);
        return "pid "
            + rs.getInt(1)
            + (application == null || application.isEmpty() ? "" : " (" + application + ")")
            + (client == null ? "" : " from " + client)
            + (since == null ? "" : ", connected since " + since.truncatedTo(ChronoUnit.SECONDS))
            + (rs.getString(5) == null ? "" : ", " + rs.getString(5));
      }
    }
  }

  /** A stable 64-bit key per version table identity. */
  static long keyFor(String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("retort:" + identity).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A session lock lasts as long as the session, which the run uses throughout. */
  @Override
  public void ensureHeld() {}

  @Override
  public void close() throws SQLException {
    if (connection.isClosed()) {
      return;
    }
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.execute();
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }
}
