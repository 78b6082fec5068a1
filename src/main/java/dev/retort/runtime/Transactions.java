package dev.retort.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/** Work in one transaction on a connection that is otherwise in auto-commit. */
final class Transactions {

  interface SqlWork {
    void run() throws SQLException;
  }

  private Transactions() {}

  static void run(Connection connection, SqlWork work) throws SQLException {
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

  /** Best-effort work whose failure must not hide the error on its way out. */
  static void quietly(Connection connection, SqlWork work) {
    try {
      if (!connection.isClosed()) {
        run(connection, work);
      }
    } catch (SQLException | RuntimeException ignored) {
      // The original failure is what the user needs to see.
    }
  }

  static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The original failure is what the user needs to see.
    }
  }

  /**
   * Whether the connection is gone (the server stopped, the network failed, the session was
   * terminated), as opposed to a statement that failed.
   */
  static boolean lost(Connection connection, Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    try {
      return connection.isClosed() || !connection.isValid(2);
    } catch (SQLException e) {
      return true;
    }
  }
}
