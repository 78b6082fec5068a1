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

/**
 * A session-level advisory lock that serializes runners on one database. Session-level, because it
 * must outlive the per-migration transactions; polled with {@code pg_try_advisory_lock} so the wait
 * has a timeout and a clear message instead of hanging.
 */
final class AdvisoryLock implements AutoCloseable {

  private static final long POLL_MILLIS = 100;

  private final Connection connection;
  private final long key;

  private AdvisoryLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  static AdvisoryLock acquire(Connection connection, String scope, Duration timeout)
      throws SQLException {
    long key = keyFor(scope);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (tryLock(connection, key)) {
        return new AdvisoryLock(connection, key);
      }
      if (System.nanoTime() >= deadline) {
        throw new RetortException(
            ExitCode.DATABASE_UNAVAILABLE,
            "another Retort process has held the migration lock for over "
                + timeout.toSeconds()
                + " s",
            "wait for it to finish, or raise lock.timeout; pg_locks shows the holder (locktype"
                + " 'advisory')");
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

  /** A stable 64-bit key per database scope (schema and version table). */
  static long keyFor(String scope) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("retort:" + scope).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

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
