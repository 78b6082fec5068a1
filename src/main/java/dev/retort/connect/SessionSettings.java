package dev.retort.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The session settings that change how the SQL Retort writes is parsed, pinned on every connection
 * it works on, whatever the server, database or role default: with {@code
 * standard_conforming_strings} off, a backslash in a string constant escapes the quote after it, so
 * a value could end its literal early and run as SQL.
 */
public final class SessionSettings {

  /** The statements that pin the settings; the offline SQL script starts with them too. */
  public static final List<String> PINNED = List.of("SET standard_conforming_strings = on");

  private SessionSettings() {}

  public static void pin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : PINNED) {
        statement.execute(sql);
      }
    }
  }
}
