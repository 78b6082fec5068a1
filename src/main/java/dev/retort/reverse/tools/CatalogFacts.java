package dev.retort.reverse.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Hibernate Tools does not read through JDBC metadata and the entities need to come back as
 * the database has them: each column's PostgreSQL type name (JDBC reports {@code timestamptz} as a
 * plain TIMESTAMP and {@code jsonb} as OTHER), identity and serial columns, server defaults,
 * comments, check constraints, the labels of enum types, and what a foreign key does on delete.
 */
record CatalogFacts(
    Map<String, ColumnFact> columns,
    Map<String, TableFact> tables,
    Map<String, List<String>> enumLabels,
    Map<String, String> onDelete) {

  /**
   * @param type the type's name in pg_type ({@code int8}, {@code timestamptz}, {@code userstatus})
   * @param enumType whether the type is a PostgreSQL enum
   * @param generated whether the column is an identity column or a serial (a nextval default)
   * @param defaultExpression the server default as PostgreSQL prints it, or null (never a serial's
   *     nextval)
   */
  record ColumnFact(
      String type, boolean enumType, boolean generated, String defaultExpression, String comment) {}

  /** A check constraint: its name and expression as PostgreSQL prints it. */
  record Check(String name, String expression) {}

  record TableFact(String comment, List<Check> checks) {}

  static String key(String schema, String table) {
    return schema + "." + table;
  }

  static String key(String schema, String table, String column) {
    return schema + "." + table + "." + column;
  }

  ColumnFact column(String schema, String table, String column) {
    return columns.get(key(schema, table, column));
  }

  TableFact table(String schema, String table) {
    return tables.getOrDefault(key(schema, table), new TableFact(null, List.of()));
  }

  static CatalogFacts read(Connection connection, List<String> schemas) throws SQLException {
    String[] schemaArray = schemas.toArray(String[]::new);
    Map<String, ColumnFact> columns = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select n.nspname, c.relname, a.attname, t.typname, t.typtype = 'e',"
                + " a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like"
                + " 'nextval(%', pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum)"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid ="
                + " a.atttypid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum ="
                + " a.attnum where c.relkind in ('r', 'p') and a.attnum > 0 and not"
                + " a.attisdropped and n.nspname = any (?)")) {
      statement.setArray(1, connection.createArrayOf("text", schemaArray));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          boolean generated = rows.getBoolean(6);
          columns.put(
              key(rows.getString(1), rows.getString(2), rows.getString(3)),
              new ColumnFact(
                  rows.getString(4),
                  rows.getBoolean(5),
                  generated,
                  generated ? null : rows.getString(7),
                  rows.getString(8)));
        }
      }
    }
    Map<String, TableFact> tables = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select n.nspname, c.relname, obj_description(c.oid, 'pg_class'),"
                + " k.conname, pg_get_constraintdef(k.oid) from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace left join pg_constraint k on k.conrelid = c.oid and"
                + " k.contype = 'c' where c.relkind in ('r', 'p') and n.nspname = any (?)"
                + " order by 1, 2, 4")) {
      statement.setArray(1, connection.createArrayOf("text", schemaArray));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String key = key(rows.getString(1), rows.getString(2));
          TableFact fact = tables.computeIfAbsent(key, k -> new TableFact(null, new ArrayList<>()));
          if (fact.comment() == null && rows.getString(3) != null) {
            fact = new TableFact(rows.getString(3), fact.checks());
            tables.put(key, fact);
          }
          if (rows.getString(4) != null) {
            fact.checks().add(new Check(rows.getString(4), checkExpression(rows.getString(5))));
          }
        }
      }
    }
    Map<String, List<String>> enumLabels = new TreeMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                "select t.typname, e.enumlabel from pg_enum e join pg_type t on t.oid ="
                    + " e.enumtypid order by t.typname, e.enumsortorder");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        enumLabels
            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
            .add(rows.getString(2));
      }
    }
    return new CatalogFacts(columns, tables, enumLabels, onDelete(connection, schemaArray));
  }

  /**
   * The ON DELETE action of each single-column foreign key that has one, by its column's key, as
   * Hibernate's {@code OnDeleteAction} names it.
   */
  private static Map<String, String> onDelete(Connection connection, String[] schemas)
      throws SQLException {
    Map<String, String> actions = new HashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select n.nspname, c.relname, a.attname, k.confdeltype from pg_constraint k"
                + " join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid ="
                + " c.relnamespace join pg_attribute a on a.attrelid = k.conrelid and a.attnum ="
                + " k.conkey[1] where k.contype = 'f' and cardinality(k.conkey) = 1 and"
                + " k.confdeltype <> 'a' and n.nspname = any (?)")) {
      statement.setArray(1, connection.createArrayOf("text", schemas));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String action =
              switch (rows.getString(4)) {
                case "c" -> "CASCADE";
                case "n" -> "SET_NULL";
                case "d" -> "SET_DEFAULT";
                case "r" -> "RESTRICT";
                default -> null;
              };
          if (action != null) {
            actions.put(key(rows.getString(1), rows.getString(2), rows.getString(3)), action);
          }
        }
      }
    }
    return actions;
  }

  /** {@code CHECK ((a > 0))} as pg_get_constraintdef prints it, without the keyword. */
  static String checkExpression(String definition) {
    String expression = definition.trim();
    if (expression.startsWith("CHECK ")) {
      expression = expression.substring("CHECK ".length()).trim();
    }
    return expression;
  }
}
