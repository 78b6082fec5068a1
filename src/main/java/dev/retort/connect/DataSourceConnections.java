package dev.retort.connect;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections from an application's DataSource (the start-up API, the Spring Boot starter). */
public record DataSourceConnections(DataSource dataSource) implements ConnectionSource {

  @Override
  public Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot get a connection from the DataSource: " + Connections.firstLine(e),
          "check the DataSource's settings",
          e);
    }
  }

  @Override
  public String describe() {
    return "the application's DataSource";
  }
}
