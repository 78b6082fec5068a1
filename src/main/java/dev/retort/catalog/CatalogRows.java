package dev.retort.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the statements of {@link PostgresCatalogViews} return, row by row, as PostgreSQL printed it:
 * database names, no model naming yet (that is {@link CatalogAssembler}'s). Columns, constraints
 * and indexes are grouped by the oid of their table.
 */
record CatalogRows(
    List<Relation> relations,
    Map<Long, List<ColumnRow>> columns,
    Map<Long, List<ConstraintRow>> constraints,
    Map<Long, List<IndexRow>> indexes,
    List<SequenceRow> sequences,
    List<EnumRow> enums) {

  /**
   * A table or a view.
   *
   * @param kind {@code pg_class.relkind}: r, p, f (tables), v, m (views)
   */
  record Relation(
      long oid, String schema, String name, char kind, String comment, String partitionKey) {

    boolean isView() {
      return kind == 'v' || kind == 'm';
    }
  }

  /**
   * A column.
   *
   * @param expression the default, or the generation expression when {@code generated}
   * @param identity {@code pg_attribute.attidentity} ('a' always, 'd' by default), or null
   * @param identitySequence the identity sequence's stored values, or null
   */
  record ColumnRow(
      String name,
      boolean notNull,
      String comment,
      String expression,
      boolean generated,
      String type,
      String userTypeSchema,
      String userTypeName,
      String identity,
      SequenceValues identitySequence,
      String collation) {}

  /** A sequence's stored values, defaults included. */
  record SequenceValues(
      long start, long increment, long min, long max, long cache, boolean cycle) {}

  /**
   * A constraint; the target and the actions are a foreign key's.
   *
   * @param type {@code pg_constraint.contype}: p, u, c or f
   * @param definition {@code pg_get_constraintdef} of a unique or check constraint, else null
   * @param onUpdate {@code confupdtype}, {@code onDelete} {@code confdeltype}
   */
  record ConstraintRow(
      String name,
      char type,
      List<String> columns,
      String definition,
      String targetSchema,
      String targetTable,
      List<String> targetColumns,
      char onUpdate,
      char onDelete,
      boolean deferrable,
      boolean initiallyDeferred) {}

  /**
   * An index; one item per key in each key list.
   *
   * @param columns the key's column, or '' for an expression
   * @param expressions the key's expression, or '' for a column
   * @param opclasses the key's operator class when not the default, else ''
   */
  record IndexRow(
      String name,
      boolean unique,
      String method,
      boolean nullsNotDistinct,
      String where,
      List<String> columns,
      List<String> expressions,
      List<Boolean> descending,
      List<Boolean> nullsFirst,
      List<String> opclasses,
      List<String> include) {}

  /** A sequence; the owner is the column it is OWNED BY, in its own schema. */
  record SequenceRow(
      String schema,
      String name,
      SequenceValues values,
      String dataType,
      String ownerTable,
      String ownerColumn) {}

  record EnumRow(String schema, String name, List<String> values) {}

  /** Runs the statements over {@code schemas}, in a fixed number whatever their size. */
  static CatalogRows read(Connection connection, List<String> schemas, int serverMajorVersion)
      throws SQLException {
    Array inSchemas = connection.createArrayOf("text", schemas.toArray());
    List<Relation> relations = new ArrayList<>();
    query(connection, PostgresCatalogViews.RELATIONS, inSchemas, rs -> relations.add(relation(rs)));
    Map<Long, List<ColumnRow>> columns = new HashMap<>();
    query(
        connection,
        PostgresCatalogViews.COLUMNS,
        inSchemas,
        rs -> columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(column(rs)));
    Map<Long, List<ConstraintRow>> constraints = new HashMap<>();
    query(
        connection,
        PostgresCatalogViews.CONSTRAINTS,
        inSchemas,
        rs ->
            constraints.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(constraint(rs)));
    Map<Long, List<IndexRow>> indexes = new HashMap<>();
    query(
        connection,
        PostgresCatalogViews.indexes(serverMajorVersion),
        inSchemas,
        rs -> indexes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(index(rs)));
    // Keyed by name: a sequence with two owning rows is one sequence, as it always was read.
    Map<List<String>, SequenceRow> sequences = new LinkedHashMap<>();
    query(
        connection,
        PostgresCatalogViews.SEQUENCES,
        inSchemas,
        rs -> {
          SequenceRow sequence = sequence(rs);
          sequences.put(List.of(sequence.schema(), sequence.name()), sequence);
        });
    List<EnumRow> enums = new ArrayList<>();
    query(
        connection,
        PostgresCatalogViews.ENUM_TYPES,
        inSchemas,
        rs -> enums.add(new EnumRow(rs.getString(1), rs.getString(2), texts(rs, 3))));
    return new CatalogRows(
        relations, columns, constraints, indexes, List.copyOf(sequences.values()), enums);
  }

  private interface RowReader {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection connection, String sql, Array schemas, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, schemas);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          reader.accept(rs);
        }
      }
    }
  }

  private static Relation relation(ResultSet rs) throws SQLException {
    return new Relation(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4).charAt(0),
        rs.getString(5),
        rs.getString(6));
  }

  private static ColumnRow column(ResultSet rs) throws SQLException {
    String identity = rs.getString(10);
    SequenceValues identitySequence = null;
    if (identity != null) {
      rs.getLong(11);
      if (rs.wasNull()) {
        throw new IllegalStateException(
            "identity column " + rs.getString(2) + " has no identity sequence");
      }
      identitySequence =
          new SequenceValues(
              rs.getLong(11),
              rs.getLong(12),
              rs.getLong(13),
              rs.getLong(14),
              rs.getLong(15),
              rs.getBoolean(16));
    }
    return new ColumnRow(
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        identity,
        identitySequence,
        rs.getString(17));
  }

  private static ConstraintRow constraint(ResultSet rs) throws SQLException {
    String onUpdate = rs.getString(9);
    String onDelete = rs.getString(10);
    return new ConstraintRow(
        rs.getString(2),
        rs.getString(3).charAt(0),
        texts(rs, 4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        texts(rs, 8),
        onUpdate == null || onUpdate.isBlank() ? ' ' : onUpdate.charAt(0),
        onDelete == null || onDelete.isBlank() ? ' ' : onDelete.charAt(0),
        rs.getBoolean(11),
        rs.getBoolean(11) && rs.getBoolean(12));
  }

  private static IndexRow index(ResultSet rs) throws SQLException {
    return new IndexRow(
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getString(6),
        texts(rs, 7),
        texts(rs, 8),
        flags(rs, 9),
        flags(rs, 10),
        texts(rs, 11),
        texts(rs, 12));
  }

  private static SequenceRow sequence(ResultSet rs) throws SQLException {
    return new SequenceRow(
        rs.getString(1),
        rs.getString(2),
        new SequenceValues(
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getBoolean(8)),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11));
  }

  /** A text array column; SQL NULL (an aggregate over no rows) is the empty list. */
  private static List<String> texts(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static List<Boolean> flags(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((Boolean[]) array.getArray());
  }
}
