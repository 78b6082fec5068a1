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

  /**
   * A unique constraint or an index on plain columns, by name.
   *
   * @param unique for an index: whether it is a unique index (one no constraint owns)
   */
  record Key(String name, boolean unique, List<String> columns) {}

  /**
   * @param uniques the unique constraints, by name
   * @param indexes the indexes no constraint owns, on plain columns, without a predicate, by name:
   *     the ones JPA can declare
   */
  record TableFact(String comment, List<Check> checks, List<Key> uniques, List<Key> indexes) {
    TableFact withComment(String value) {
      return new TableFact(value, checks, uniques, indexes);
    }
  }

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
    return tables.getOrDefault(
        key(schema, table), new TableFact(null, List.of(), List.of(), List.of()));
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
          TableFact fact =
              tables.computeIfAbsent(
                  key,
                  k ->
                      new TableFact(null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
          if (fact.comment() == null && rows.getString(3) != null) {
            fact = fact.withComment(rows.getString(3));
            tables.put(key, fact);
          }
          if (rows.getString(4) != null) {
            fact.checks().add(new Check(rows.getString(4), checkExpression(rows.getString(5))));
          }
        }
      }
    }
    readKeys(connection, schemaArray, UNIQUE_CONSTRAINTS, tables, TableFact::uniques);
    readKeys(connection, schemaArray, PLAIN_INDEXES, tables, TableFact::indexes);
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

  private static final String UNIQUE_CONSTRAINTS =
      "select n.nspname, c.relname, k.conname, false, array_agg(a.attname::text order by u.ord)"
          + " from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on"
          + " n.oid = c.relnamespace cross join unnest(k.conkey) with ordinality u(attnum, ord)"
          + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum"
          + " where k.contype = 'u' and n.nspname = any (?) group by 1, 2, 3 order by 1, 2, 3";

  /**
   * Indexes JPA's {@code @Index} can declare: btree, on plain columns, no predicate, not owned by a
   * constraint (a primary or unique key); their key columns only ({@code INCLUDE} and sort orders
   * cannot be declared).
   */
  private static final String PLAIN_INDEXES =
      "select n.nspname, t.relname, i.relname, x.indisunique, array_agg(a.attname::text order by"
          + " u.ord) from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on"
          + " t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace join pg_am am on"
          + " am.oid = i.relam cross join unnest(x.indkey::int2[]) with ordinality u(attnum, ord)"
          + " join pg_attribute a on a.attrelid = t.oid and a.attnum = u.attnum where not"
          + " x.indisprimary and x.indexprs is null and x.indpred is null and am.amname ="
          + " 'btree' and u.ord <= x.indnkeyatts and not exists (select 1 from pg_constraint k"
          + " where k.conindid = x.indexrelid) and n.nspname = any (?) group by 1, 2, 3, 4"
          + " order by 1, 2, 3";

  private static void readKeys(
      Connection connection,
      String[] schemas,
      String sql,
      Map<String, TableFact> tables,
      java.util.function.Function<TableFact, List<Key>> list)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", schemas));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          TableFact fact = tables.get(key(rows.getString(1), rows.getString(2)));
          if (fact != null) {
            String[] columns = (String[]) rows.getArray(5).getArray();
            list.apply(fact).add(new Key(rows.getString(3), rows.getBoolean(4), List.of(columns)));
          }
        }
      }
    }
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
