package dev.retort.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The limits a run puts on each migration statement. {@code lock_timeout} matters most: an ALTER
 * TABLE waiting behind a long transaction holds its place in the lock queue, and every query on the
 * table waits behind it; giving up after a few seconds and trying again later keeps the application
 * running.
 *
 * @param lockTimeout {@code lock_timeout}; zero for none
 * @param statementTimeout {@code statement_timeout}; zero for none
 * @param lockRetries how often a step that gave up waiting for a lock is run again
 * @param firstBackoff the pause before the first retry; it doubles each time
 */
public record StatementLimits(
    Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration firstBackoff) {

  /** What PostgreSQL does when nobody sets anything: wait for ever, never retry. */
  public static final StatementLimits NONE =
      new StatementLimits(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

  /** SQLSTATE lock_not_available: lock_timeout expired (or NOWAIT failed). */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  /** The session's settings before a run, put back after it (the connection may be pooled). */
  record Saved(String lockTimeout, String statementTimeout) {}

  Saved apply(Connection connection) throws SQLException {
    Saved saved;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
      rs.next();
      saved = new Saved(rs.getString(1), rs.getString(2));
    }
    set(connection, "lock_timeout", lockTimeout.toMillis() + "ms");
    set(connection, "statement_timeout", statementTimeout.toMillis() + "ms");
    return saved;
  }

  static void restore(Connection connection, Saved saved) {
    try {
      if (!connection.isClosed()) {
        set(connection, "lock_timeout", saved.lockTimeout());
        set(connection, "statement_timeout", saved.statementTimeout());
      }
    } catch (SQLException ignored) {
      // A connection that cannot take a SET is closed by its owner; the run's result stands.
    }
  }

  private static void set(Connection connection, String name, String value) throws SQLException {
    try (var statement = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.execute();
    }
  }

  /** The pause before retry {@code attempt} (from 1). */
  Duration backoff(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
  }

  /** Whether a failure is a statement that gave up waiting for a lock. */
  static boolean isLockTimeout(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
