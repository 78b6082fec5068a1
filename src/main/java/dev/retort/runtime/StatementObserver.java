package dev.retort.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sees each migration statement run, on the migration's own connection (inside its transaction, for
 * a transactional step): what {@code check --locks} measures with. Its queries must change nothing.
 */
public interface StatementObserver {

  StatementObserver NONE =
      new StatementObserver() {
        @Override
        public void before(Connection connection, String revision, String sql) {}

        @Override
        public void after(Connection connection, String sql) {}
      };

  void before(Connection connection, String revision, String sql) throws SQLException;

  /** Right after the statement, before its step commits. */
  void after(Connection connection, String sql) throws SQLException;

  /** The step committed: the locks a transactional step's statements took are released now. */
  default void stepCommitted(boolean transactional) {}
}
