package dev.retort.catalog;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableSize;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads how big tables are, in one query: the planner's input for choosing online forms. The row
 * count is the planner statistics' estimate; a table never analyzed (-1 on PostgreSQL 14+, 0 with
 * pages before) is probed for one row, so a freshly loaded table is never taken for empty.
 */
public final class TableSizes {

  private static final String QUERY =
      """
      SELECT t.i, c.reltuples::bigint, c.relpages, c.relkind::text,
             CASE WHEN c.relkind = 'p' THEN 0 ELSE pg_total_relation_size(c.oid) END
      FROM unnest(?::text[]) WITH ORDINALITY AS t(name, i)
      JOIN pg_class c ON c.oid = to_regclass(t.name)
      """;

  private TableSizes() {}

  /**
   * @param defaultSchema the schema a name without one is in
   * @return the sizes of those tables that exist; a missing table is not in the map
   */
  public static Map<QualifiedName, TableSize> read(
      Connection connection, Collection<QualifiedName> tables, String defaultSchema)
      throws SQLException {
    List<QualifiedName> names = List.copyOf(tables);
    Map<QualifiedName, TableSize> sizes = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return sizes;
    }
    String[] regclasses =
        names.stream()
            .map(
                n -> quote(n.schema() == null ? defaultSchema : n.schema()) + "." + quote(n.name()))
            .toArray(String[]::new);
    try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
      Array array = connection.createArrayOf("text", regclasses);
      statement.setArray(1, array);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          QualifiedName name = names.get(rs.getInt(1) - 1);
          long rows = rs.getLong(2);
          boolean partitioned = "p".equals(rs.getString(4));
          if (rows <= 0) {
            rows = hasRows(connection, regclasses[rs.getInt(1) - 1]) ? TableSize.UNKNOWN_ROWS : 0;
          }
          sizes.put(name, new TableSize(rows, rs.getLong(5), partitioned));
        }
      }
    }
    return sizes;
  }

  private static boolean hasRows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
