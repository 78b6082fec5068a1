package dev.retort.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    Map<Long, SequenceValues> identities = new HashMap<>();
    query(
        connection,
        PostgresCatalogViews.IDENTITY_SEQUENCES,
        inSchemas,
        rs -> identities.put(ColumnNames.key(rs.getLong(1), rs.getInt(2)), values(rs, 3)));
    Map<Long, List<ColumnRow>> columns = new HashMap<>();
    ColumnNames names = new ColumnNames();
    query(
        connection,
        PostgresCatalogViews.COLUMNS,
        inSchemas,
        rs -> {
          names.put(rs.getLong(1), rs.getInt(2), rs.getString(3));
          columns
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(column(rs, identities.get(ColumnNames.key(rs.getLong(1), rs.getInt(2)))));
        });
    List<RawConstraint> rawConstraints = new ArrayList<>();
    query(
        connection,
        PostgresCatalogViews.CONSTRAINTS,
        inSchemas,
        rs -> rawConstraints.add(rawConstraint(rs)));
    names.readMissing(
        connection,
        rawConstraints.stream().filter(c -> c.type() == 'f').map(RawConstraint::target).toList());
    Map<Long, List<ConstraintRow>> constraints = new HashMap<>();
    for (RawConstraint raw : rawConstraints) {
      constraints.computeIfAbsent(raw.table(), k -> new ArrayList<>()).add(raw.named(names));
    }
    Map<Integer, String> opclasses = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(PostgresCatalogViews.NON_DEFAULT_OPCLASSES)) {
      while (rs.next()) {
        opclasses.put((int) rs.getLong(1), rs.getString(2));
      }
    }
    Map<Long, List<IndexRow>> indexes = new HashMap<>();
    query(
        connection,
        PostgresCatalogViews.indexes(serverMajorVersion),
        inSchemas,
        rs ->
            indexes
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(index(rs, names, opclasses)));
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

  interface RowReader {
    void accept(ResultSet rs) throws SQLException;
  }

  static void query(Connection connection, String sql, Array parameter, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, parameter);
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

  private static SequenceValues values(ResultSet rs, int first) throws SQLException {
    return new SequenceValues(
        rs.getLong(first),
        rs.getLong(first + 1),
        rs.getLong(first + 2),
        rs.getLong(first + 3),
        rs.getLong(first + 4),
        rs.getBoolean(first + 5));
  }

  private static ColumnRow column(ResultSet rs, SequenceValues identitySequence)
      throws SQLException {
    String identity = rs.getString(11);
    if (identity != null && identitySequence == null) {
      throw new IllegalStateException(
          "identity column " + rs.getString(3) + " has no identity sequence");
    }
    return new ColumnRow(
        rs.getString(3),
        rs.getBoolean(4),
        rs.getString(5),
        rs.getString(6),
        rs.getBoolean(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        identity,
        identity == null ? null : identitySequence,
        rs.getString(12));
  }

  /** A constraint with its columns (and its target's) still numbers. */
  private record RawConstraint(
      long table,
      String name,
      char type,
      List<Integer> columns,
      String definition,
      long target,
      String targetSchema,
      String targetTable,
      List<Integer> targetColumns,
      char onUpdate,
      char onDelete,
      boolean deferrable,
      boolean initiallyDeferred) {

    ConstraintRow named(ColumnNames names) {
      return new ConstraintRow(
          name,
          type,
          // A check's columns are not kept (and may include a system column).
          type == 'c' ? List.of() : columns.stream().map(n -> names.get(table, n)).toList(),
          definition,
          targetSchema,
          targetTable,
          type == 'f' ? targetColumns.stream().map(n -> names.get(target, n)).toList() : List.of(),
          onUpdate,
          onDelete,
          deferrable,
          initiallyDeferred);
    }
  }

  private static RawConstraint rawConstraint(ResultSet rs) throws SQLException {
    return new RawConstraint(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3).charAt(0),
        numbers(rs, 4),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        rs.getString(8),
        numbers(rs, 9),
        code(rs.getString(10)),
        code(rs.getString(11)),
        rs.getBoolean(12),
        rs.getBoolean(12) && rs.getBoolean(13));
  }

  private static char code(String value) {
    return value == null || value.isBlank() ? ' ' : value.charAt(0);
  }

  private static IndexRow index(ResultSet rs, ColumnNames names, Map<Integer, String> opclasses)
      throws SQLException {
    long table = rs.getLong(1);
    int keyCount = rs.getInt(7);
    List<Integer> numbers = numbers(rs, 8);
    List<Integer> options = numbers(rs, 9);
    List<Integer> classes = numbers(rs, 10);
    List<String> expressions = texts(rs, 11);
    List<String> columns = new ArrayList<>();
    List<String> keyExpressions = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    List<Boolean> nullsFirst = new ArrayList<>();
    List<String> keyOpclasses = new ArrayList<>();
    List<String> include = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      int number = numbers.get(i);
      if (i >= keyCount) {
        include.add(names.get(table, number));
        continue;
      }
      columns.add(number == 0 ? "" : names.get(table, number));
      keyExpressions.add(expressions.isEmpty() ? "" : expressions.get(i));
      // pg_index.indoption: bit 0 DESC, bit 1 NULLS FIRST.
      descending.add((options.get(i) & 1) == 1);
      nullsFirst.add((options.get(i) & 2) == 2);
      keyOpclasses.add(opclasses.getOrDefault(classes.get(i), ""));
    }
    return new IndexRow(
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        rs.getBoolean(5),
        rs.getString(6),
        columns,
        keyExpressions,
        descending,
        nullsFirst,
        keyOpclasses,
        include);
  }

  private static SequenceRow sequence(ResultSet rs) throws SQLException {
    return new SequenceRow(
        rs.getString(1),
        rs.getString(2),
        values(rs, 3),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11));
  }

  /** A text array column; SQL NULL is the empty list. */
  private static List<String> texts(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  /**
   * Space-separated numbers (an {@code int2vector}, an {@code oidvector}, an array joined); an oid
   * above 2^31 comes back negative, the same {@code int} bits PostgreSQL stores.
   */
  private static List<Integer> numbers(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Integer> numbers = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(' ', start);
      if (end < 0) {
        end = text.length();
      }
      numbers.add(
          text.charAt(start) == '-'
              ? Integer.parseInt(text, start, end, 10)
              : Integer.parseUnsignedInt(text, start, end, 10));
      start = end + 1;
    }
    return numbers;
  }
}
