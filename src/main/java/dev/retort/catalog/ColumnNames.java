package dev.retort.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Column names by table and number: of the tables read, and of others keys reference. */
final class ColumnNames {

  /** A table's column by number, as one key. */
  static long key(long table, int column) {
    return table * 65536 + column;
  }

  private final Map<Long, String> names = new HashMap<>();
  private final Set<Long> tables = new HashSet<>();

  void put(long table, int number, String name) {
    tables.add(table);
    names.put(key(table, number), name);
  }

  String get(long table, int number) {
    String name = names.get(key(table, number));
    if (name == null) {
      throw new IllegalStateException("no column " + number + " in table " + table);
    }
    return name;
  }

  /** Reads the columns of {@code referenced} tables not read yet, in one statement. */
  void readMissing(Connection connection, List<Long> referenced) throws SQLException {
    Set<String> missing = new TreeSet<>();
    referenced.stream().filter(t -> !tables.contains(t)).forEach(t -> missing.add(t.toString()));
    if (missing.isEmpty()) {
      return;
    }
    CatalogRows.query(
        connection,
        PostgresCatalogViews.REFERENCED_COLUMNS,
        connection.createArrayOf("text", missing.toArray()),
        rs -> put(rs.getLong(1), rs.getInt(2), rs.getString(3)));
  }
}
