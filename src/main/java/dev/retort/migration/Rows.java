package dev.retort.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Rows for a bulk insert, built fluently: {@code rows("role", "permission").add("admin",
 * "users.read")}. Values are Java values (strings, numbers, booleans, UUIDs, java.time values,
 * enums, or {@code sql("now()")}); they become literals, never spliced SQL.
 */
public final class Rows {

  private final List<String> columns;
  private final List<List<Object>> values;
  private final boolean ignoreConflicts;

  Rows(List<String> columns, List<List<Object>> values, boolean ignoreConflicts) {
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a bulk insert needs at least one column");
    }
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : values) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns " + columns);
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    this.values = List.copyOf(copy);
    this.ignoreConflicts = ignoreConflicts;
  }

  /** Adds one row; values may be null. */
  public Rows add(Object... row) {
    List<List<Object>> more = new ArrayList<>(values);
    more.add(Arrays.asList(row));
    return new Rows(columns, more, ignoreConflicts);
  }

  /** Adds {@code ON CONFLICT DO NOTHING}, which makes seeding idempotent. */
  public Rows onConflictDoNothing() {
    return new Rows(columns, values, true);
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> values() {
    return values;
  }

  public boolean ignoreConflicts() {
    return ignoreConflicts;
  }
}
