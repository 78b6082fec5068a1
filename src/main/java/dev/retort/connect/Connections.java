package dev.retort.connect;

import dev.retort.config.DatabaseUrl;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections and turns the driver's failures into one-line causes with a hint (exit 3). */
public final class Connections {

  private Connections() {}

  public static Connection open(DatabaseUrl url) {
    Properties properties = new Properties();
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    properties.setProperty("ApplicationName", "retort");
    properties.putIfAbsent("connectTimeout", "10");
    Connection connection;
    try {
      connection = DriverManager.getConnection(url.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw unavailable(url, e);
    }
    try {
      SessionSettings.pin(connection);
      return connection;
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The pinning failure is what matters.
      }
      throw unavailable(url, e);
    }
  }

  public static RetortException unavailable(DatabaseUrl url, SQLException e) {
    String where = url.display();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    Throwable cause = e.getCause();
    if (cause instanceof UnknownHostException) {
      return new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot connect to " + where + ": unknown host " + cause.getMessage(),
          "check the host name in the URL",
          e);
    }
    if (cause instanceof ConnectException || state.startsWith("08")) {
      return new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot connect to " + where + ": " + firstLine(e),
          "is PostgreSQL running and reachable there? Check url, or PGHOST/PGPORT",
          e);
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "the server refused the login at " + where + ": " + firstLine(e),
          "check user and password (or PGUSER/PGPASSWORD)",
          e);
    }
    if (state.equals("3D000")) {
      return new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot connect to " + where + ": " + firstLine(e),
          "create the database first (createdb), or fix the database name in the URL",
          e);
    }
    return new RetortException(
        ExitCode.DATABASE_UNAVAILABLE,
        "cannot connect to " + where + ": " + firstLine(e),
        "check url, user and password",
        e);
  }

  public static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
