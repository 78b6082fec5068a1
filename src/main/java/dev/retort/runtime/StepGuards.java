package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.EnumColumn;
import dev.retort.operation.Operation;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.postgres.Literals;
import dev.retort.postgres.NotNullChecks;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks around the steps whose success depends on the data. Before: no NULLs where NOT NULL is
 * about to be set, no duplicates where a unique index or constraint is about to be built, no rows
 * holding an enum value about to be removed; a failing check stops the step before it locks
 * anything, with the count and what to do. After a concurrent index build: the index is valid (an
 * interrupted or failed build leaves an INVALID index behind, which the next attempt drops first).
 */
final class StepGuards {

  /** SQLSTATE check_violation: what the statement itself would have failed with, later. */
  private static final String CHECK_VIOLATION = "23514";

  private final Connection connection;
  private final RunListener listener;

  StepGuards(Connection connection, RunListener listener) {
    this.connection = connection;
    this.listener = listener;
  }

  /**
   * @throws SQLException with the count of offending rows when the step would fail on the data
   */
  void before(Operation operation) throws SQLException {
    if (operation instanceof AlterColumn alter
        && alter.change().nullable() != null
        && Boolean.FALSE.equals(alter.change().nullable().to())) {
      requireNoNulls(alter.table(), alter.column());
    } else if (operation instanceof AddConstraint add
        && add.constraint() instanceof CheckConstraint check
        && NotNullChecks.column(check.expression()) != null) {
      requireNoNulls(add.table(), NotNullChecks.column(check.expression()));
    } else if (operation instanceof AddConstraint add
        && add.constraint() instanceof UniqueConstraint unique) {
      requireNoDuplicates(add.table(), unique.columns(), unique.nullsNotDistinct(), null);
    } else if (operation instanceof AddConstraint add
        && add.constraint() instanceof PrimaryKey key) {
      requireNoDuplicates(add.table(), key.columns(), false, null);
    } else if (operation instanceof CreateIndex create) {
      Index index = create.index();
      if (create.concurrently()) {
        dropInvalidLeftover(create.table().withName(index.name()));
      }
      if (index.unique() && index.keys().stream().allMatch(k -> k.column() != null)) {
        requireNoDuplicates(
            create.table(),
            index.keys().stream().map(IndexKey::column).toList(),
            index.nullsNotDistinct(),
            index.where());
      }
    } else if (operation instanceof ReplaceEnumType replace) {
      requireRemovedValuesUnused(replace);
    }
  }

  /** Whether a concurrent build left its index valid; if not, the invalid index is dropped. */
  boolean indexValid(CreateIndex create) throws SQLException {
    QualifiedName index = create.table().withName(create.index().name());
    Boolean valid = validity(index);
    if (valid == null || valid) {
      return true;
    }
    listener.warning(
        "the concurrent build of index " + index + " left it INVALID; dropping it to build again");
    execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(index));
    return false;
  }

  /** A build that was interrupted earlier left an INVALID index of this name: it goes first. */
  private void dropInvalidLeftover(QualifiedName index) throws SQLException {
    if (Boolean.FALSE.equals(validity(index))) {
      listener.warning(
          "index "
              + index
              + " is INVALID (left by an interrupted concurrent build); dropping it to build it"
              + " again");
      execute("DROP INDEX CONCURRENTLY IF EXISTS " + qualified(index));
    }
  }

  /** The index's {@code indisvalid}, or null when there is no such index. */
  private Boolean validity(QualifiedName index) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
      statement.setString(1, qualified(index));
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getBoolean(1) : null;
      }
    }
  }

  private void requireNoNulls(QualifiedName table, String column) throws SQLException {
    long rows =
        count("SELECT count(*) FROM " + qualified(table) + " WHERE " + quote(column) + " IS NULL");
    if (rows > 0) {
      throw new SQLException(
          rows(rows)
              + " of "
              + table
              + " "
              + (rows == 1 ? "has " : "have ")
              + column
              + " NULL, so it cannot be made NOT NULL; backfill "
              + (rows == 1 ? "it" : "them")
              + " first (op.backfill, or an UPDATE in an earlier step)",
          CHECK_VIOLATION);
    }
  }

  private void requireNoDuplicates(
      QualifiedName table, List<String> columns, boolean nullsNotDistinct, String where)
      throws SQLException {
    String keys = columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
    List<String> conditions = new ArrayList<>();
    if (!nullsNotDistinct) {
      columns.forEach(c -> conditions.add(quote(c) + " IS NOT NULL"));
    }
    if (where != null) {
      conditions.add("(" + where + ")");
    }
    long groups =
        count(
            "SELECT count(*) FROM (SELECT 1 FROM "
                + qualified(table)
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " GROUP BY "
                + keys
                + " HAVING count(*) > 1) AS duplicated");
    if (groups > 0) {
      throw new SQLException(
          groups
              + (groups == 1 ? " value" : " values")
              + " of ("
              + String.join(", ", columns)
              + ") appear more than once in "
              + table
              + ", so it cannot be made unique; remove the duplicates first",
          "23505");
    }
  }

  private void requireRemovedValuesUnused(ReplaceEnumType replace) throws SQLException {
    List<String> current =
        replace.fromValues() != null ? replace.fromValues() : enumValues(replace.type());
    List<String> removed = current.stream().filter(v -> !replace.toValues().contains(v)).toList();
    if (removed.isEmpty()) {
      return;
    }
    String values = removed.stream().map(Literals::string).collect(Collectors.joining(", "));
    for (EnumColumn column : replace.usedBy()) {
      if (column.arrayDimensions() > 0) {
        continue;
      }
      long rows =
          count(
              "SELECT count(*) FROM "
                  + qualified(column.table())
                  + " WHERE "
                  + quote(column.column())
                  + "::text IN ("
                  + values
                  + ")");
      if (rows > 0) {
        throw new SQLException(
            rows(rows)
                + " of "
                + column.table()
                + " hold "
                + String.join(", ", removed)
                + " in "
                + column.column()
                + ", which this step removes from "
                + replace.type()
                + "; change those rows first",
            CHECK_VIOLATION);
      }
    }
  }

  /** The type's values as the catalog has them (a migration written by hand does not say). */
  private List<String> enumValues(QualifiedName type) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT enumlabel FROM pg_enum WHERE enumtypid = to_regtype(?) ORDER BY enumsortorder")) {
      statement.setString(1, qualified(type));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  private static String rows(long n) {
    return n == 1 ? "1 row" : n + " rows";
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
