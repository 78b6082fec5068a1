package dev.retort.runtime;

import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.SqlGenerator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs each operation's statements on the migration's connection as soon as it is issued. */
final class ExecutingSink implements OperationSink {

  private final Connection connection;
  private final SqlGenerator generator = new SqlGenerator();
  private final RunListener listener;

  ExecutingSink(Connection connection, RunListener listener) {
    this.connection = connection;
    this.listener = listener;
  }

  @Override
  public void accept(Operation operation) {
    for (String sql : generator.statements(operation)) {
      listener.statement(sql);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new StatementFailedException(sql, e);
      }
    }
  }

  @Override
  public Connection connection() {
    return connection;
  }
}
