package dev.retort.testing;

import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh, empty database for one test. */
public record TestDatabase(String name, DatabaseUrl url) {

  public Connection connect() {
    return Connections.open(url);
  }

  /** Runs statements in autocommit mode. */
  public void execute(String... statements) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The rows of a query, each as a tab-separated line. */
  public List<String> query(String sql) {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "\t" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return rows;
  }

  public String queryOne(String sql) {
    List<String> rows = query(sql);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row from " + sql + ", got " + rows);
    }
    return rows.get(0);
  }

  /** The server's major version (the matrix profile runs the suite on every supported one). */
  public int serverMajor() {
    return Integer.parseInt(queryOne("SHOW server_version_num")) / 10000;
  }

  /** Arguments that point the command line at this database. */
  public List<String> cliArgs() {
    List<String> args = new ArrayList<>(List.of("--url", url.jdbcUrl()));
    if (url.user() != null) {
      args.addAll(List.of("--user", url.user()));
    }
    if (url.password() != null) {
      args.addAll(List.of("--password", url.password()));
    }
    return args;
  }
}
