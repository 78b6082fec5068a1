package dev.retort.junit;

import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.revision.RevisionGraph;
import dev.retort.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own database, moved between two revisions by the migrations (see {@link MigrationTest}).
 */
public final class MigrationDatabase {

  private final Workspace workspace;
  private final DatabaseUrl url;
  private final String from;
  private final String to;

  MigrationDatabase(Workspace workspace, DatabaseUrl url, String from, String to) {
    this.workspace = workspace;
    this.url = url;
    this.from = from;
    this.to = to;
  }

  /** Upgrades to the test's {@code to}. */
  public void upgrade() {
    upgradeTo(to);
  }

  /** Downgrades to the test's {@code from}. */
  public void downgrade() {
    downgradeTo(from);
  }

  public void upgradeTo(String target) {
    workspace.upgrade(target, true);
  }

  public void downgradeTo(String target) {
    workspace.downgrade(target, true);
  }

  /** The revisions the database records. */
  public List<String> current() {
    return workspace.current().heads();
  }

  /** A new connection to the database; the caller closes it. */
  public Connection connection() {
    return Connections.open(url);
  }

  /** The JDBC URL (user {@link #user()}), for a DataSource of the test's choice. */
  public String jdbcUrl() {
    return url.jdbcUrl();
  }

  public String user() {
    return url.user();
  }

  /** Runs statements, each committed. */
  public void execute(String... statements) {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(Connections.firstLine(e), e);
    }
  }

  /** The first column of a query's rows, as text (SQL NULL as null). */
  public List<String> queryColumn(String sql) {
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(Connections.firstLine(e), e);
    }
  }

  /** The single value a query returns, as text. */
  public String queryOne(String sql) {
    List<String> values = queryColumn(sql);
    if (values.size() != 1) {
      throw new IllegalStateException("expected one row, got " + values.size() + ": " + sql);
    }
    return values.get(0);
  }

  RevisionGraph graph() {
    return workspace.graph();
  }

  String from() {
    return from;
  }

  String to() {
    return to;
  }

  DatabaseUrl url() {
    return url;
  }
}
