package dev.retort.measure;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.postgres.Literals;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills every table of some schemas with generated rows, so that a migration run on them takes its
 * locks for as long as it would on a table that holds data. Values come from each column's type
 * (numbers and text from the row number, so unique columns stay unique); columns with a default,
 * identity or generation get theirs; a NOT NULL single-column foreign key takes a row of its target
 * (targets are filled first). A table whose rows its constraints refuse is left empty and named.
 */
public final class TableSeeder {

  /** What seeding did to one table: the rows it holds, or why it holds none. */
  public record Seeded(String table, long rows, String failure) {}

  private static final String COLUMNS =
      """
      SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname,
             format_type(a.atttypid, a.atttypmod), t.typtype::text, a.attnotnull,
             a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '',
             (SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = a.atttypid
              ORDER BY e.enumsortorder LIMIT 1),
             (SELECT quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || chr(9)
                     || quote_ident(ta.attname)
              FROM pg_constraint f
              JOIN pg_class tc ON tc.oid = f.confrelid
              JOIN pg_namespace tn ON tn.oid = tc.relnamespace
              JOIN pg_attribute ta ON ta.attrelid = f.confrelid AND ta.attnum = f.confkey[1]
              WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.conkey = ARRAY[a.attnum]
              LIMIT 1)
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_type t ON t.oid = a.atttypid
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
        AND NOT (c.relname = ANY (?))
      ORDER BY n.nspname, c.relname, a.attnum
      """;

  private record ColumnInfo(
      String name,
      String type,
      String typeKind,
      boolean notNull,
      boolean hasDefault,
      String firstEnumLabel,
      String reference) {}

  private TableSeeder() {}

  /**
   * @param leaveOut table names not to fill (the version tables)
   */
  public static List<Seeded> seed(
      Connection connection, List<String> schemas, List<String> leaveOut, long rows)
      throws SQLException {
    Map<String, List<ColumnInfo>> tables = columns(connection, schemas, leaveOut);
    List<Seeded> seeded = new ArrayList<>();
    for (String table : dependencyOrder(tables)) {
      seeded.add(seedOne(connection, table, tables.get(table), rows));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
    return seeded;
  }

  private static Map<String, List<ColumnInfo>> columns(
      Connection connection, List<String> schemas, List<String> leaveOut) throws SQLException {
    Map<String, List<ColumnInfo>> tables = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      Array schemaArray = connection.createArrayOf("text", schemas.toArray());
      Array leftOut = connection.createArrayOf("text", leaveOut.toArray());
      statement.setArray(1, schemaArray);
      statement.setArray(2, leftOut);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          tables
              .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
              .add(
                  new ColumnInfo(
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getBoolean(6),
                      rs.getBoolean(7),
                      rs.getString(8),
                      rs.getString(9)));
        }
      }
    }
    return tables;
  }

  /** Targets of foreign keys before the tables that reference them (a cycle keeps its order). */
  private static List<String> dependencyOrder(Map<String, List<ColumnInfo>> tables) {
    Map<String, Set<String>> targets = new HashMap<>();
    tables.forEach(
        (table, columns) ->
            targets.put(
                table,
                new LinkedHashSet<>(
                    columns.stream()
                        .filter(c -> c.reference() != null)
                        .map(c -> c.reference().split("\t")[0])
                        .filter(t -> !t.equals(table) && tables.containsKey(t))
                        .toList())));
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String table : tables.keySet()) {
      visit(table, targets, ordered, visiting);
    }
    return ordered;
  }

  private static void visit(
      String table, Map<String, Set<String>> targets, List<String> ordered, Set<String> visiting) {
    if (ordered.contains(table) || !visiting.add(table)) {
      return;
    }
    for (String target : targets.getOrDefault(table, Set.of())) {
      visit(target, targets, ordered, visiting);
    }
    ordered.add(table);
  }

  private static Seeded seedOne(
      Connection connection, String table, List<ColumnInfo> columns, long rows) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (ColumnInfo column : columns) {
      if (column.hasDefault()) {
        continue;
      }
      String value = value(column);
      if (value == null) {
        if (column.notNull()) {
          return new Seeded(
              table, 0, "no value of type " + column.type() + " for " + column.name());
        }
        continue;
      }
      names.add(quote(column.name()));
      values.add(value);
    }
    String sql =
        "INSERT INTO "
            + table
            + (names.isEmpty()
                ? " SELECT FROM generate_series(1, " + rows + ") g"
                : " ("
                    + String.join(", ", names)
                    + ") SELECT "
                    + String.join(", ", values)
                    + " FROM generate_series(1, "
                    + rows
                    + ") g");
    try (Statement statement = connection.createStatement()) {
      return new Seeded(table, statement.executeUpdate(sql), null);
    } catch (SQLException e) {
      return new Seeded(table, 0, firstLine(e.getMessage()));
    }
  }

  /** A value for row {@code g}, or null when none can be made from the type alone. */
  private static String value(ColumnInfo column) {
    if (column.reference() != null) {
      if (!column.notNull()) {
        return null;
      }
      String[] target = column.reference().split("\t");
      return "(SELECT min(" + target[1] + ") FROM " + target[0] + ")";
    }
    String type = column.type();
    if (type.endsWith("[]")) {
      return "'{}'::" + type;
    }
    if ("e".equals(column.typeKind())) {
      return column.firstEnumLabel() == null
          ? null
          : Literals.string(column.firstEnumLabel()) + "::" + type;
    }
    if (type.equals("smallint")) {
      return "(g % 32000)::smallint";
    }
    if (type.equals("integer") || type.equals("bigint")) {
      return "g::" + type;
    }
    if (type.startsWith("numeric") || type.equals("real") || type.equals("double precision")) {
      return "(g % 100)::" + type;
    }
    if (type.equals("boolean")) {
      return "(g % 2 = 0)";
    }
    if (type.equals("text")) {
      return "'s' || g";
    }
    if (type.startsWith("character")) {
      return "left('s' || g, " + length(type) + ")::" + type;
    }
    if (type.equals("uuid")) {
      return "md5(g::text)::uuid";
    }
    if (type.equals("json") || type.equals("jsonb")) {
      return "'{}'::" + type;
    }
    if (type.equals("date")) {
      return "date '2000-01-01' + (g % 3650)::integer";
    }
    if (type.startsWith("timestamp")) {
      return "(timestamp '2000-01-01' + g * interval '1 second')::" + type;
    }
    if (type.startsWith("time")) {
      return "(time '00:00' + (g % 86400) * interval '1 second')::" + type;
    }
    if (type.startsWith("interval")) {
      return "interval '1 day'";
    }
    if (type.equals("bytea")) {
      return "'\\x00'::bytea";
    }
    if (type.equals("inet") || type.equals("cidr")) {
      return "'10.0.0.1'::" + type;
    }
    return null;
  }

  /** The length of {@code character varying(n)} or {@code character(n)}; unbounded is 1000. */
  private static int length(String type) {
    int open = type.indexOf('(');
    return open < 0 ? 1000 : Integer.parseInt(type.substring(open + 1, type.indexOf(')')));
  }

  private static String firstLine(String message) {
    int end = message == null ? -1 : message.indexOf('\n');
    return end < 0 ? String.valueOf(message) : message.substring(0, end);
  }
}
