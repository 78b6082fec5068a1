package dev.retort.workspace;

import static dev.retort.postgres.Identifiers.qualified;

import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rows of every table of a schema as a count and a digest of their text, in a stable order: two
 * databases built different ways (a squash and the migrations it replaces) hold the same data when
 * these are equal. For scratch databases of migrations' seed data, not for large tables.
 */
final class TableContents {

  /** One table's rows: how many, and an md5 of their text sorted. */
  record Rows(long count, String digest) {}

  private TableContents() {}

  static Map<String, Rows> of(Connection connection, Schema schema) throws SQLException {
    Map<String, Rows> contents = new TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      for (Table table : schema.tables()) {
        String sql =
            // ROW(r.*): a column that happens to be named like the alias cannot stand in.
            "SELECT count(*), md5(coalesce(string_agg(ROW(r.*)::text, E'\\n'"
                + " ORDER BY ROW(r.*)::text), '')) FROM "
                + qualified(table.name())
                + " r";
        try (ResultSet rs = statement.executeQuery(sql)) {
          rs.next();
          contents.put(table.name().toString(), new Rows(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    return contents;
  }

  /** One line per table whose rows differ, saying how ("roles: 3 rows, expected 4"). */
  static List<String> differences(Map<String, Rows> actual, Map<String, Rows> expected) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Rows> entry : expected.entrySet()) {
      Rows rows = actual.get(entry.getKey());
      if (rows == null || Objects.equals(rows, entry.getValue())) {
        continue;
      }
      lines.add(
          entry.getKey()
              + (rows.count() == entry.getValue().count()
                  ? ": the same number of rows (" + rows.count() + "), with other values"
                  : ": "
                      + rows.count()
                      + " rows where the originals give "
                      + entry.getValue().count()));
    }
    return lines;
  }
}
