package dev.retort.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Rows for a bulk insert, built fluently: {@code rows("role", "permission").add("admin",
 * "users.read")}. Values are Java values (strings, numbers, booleans, UUIDs, java.time values,
 * enums, or {@code sql("now()")}); they become literals, never spliced SQL.
 *
 * @param ignoreConflicts adds {@code ON CONFLICT DO NOTHING}, which makes seeding idempotent
 */
public record Rows(List<String> columns, List<List<Object>> values, boolean ignoreConflicts) {

  public Rows {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : values) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns " + columns);
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    values = List.copyOf(copy);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a bulk insert needs at least one column");
    }
  }

  public static Rows of(String... columns) {
    return new Rows(Arrays.asList(columns), List.of(), false);
  }

  /** Adds one row; values may be null. */
  public Rows add(Object... row) {
    List<List<Object>> more = new ArrayList<>(values);
    more.add(Arrays.asList(row));
    return new Rows(columns, more, ignoreConflicts);
  }

  public Rows onConflictDoNothing() {
    return new Rows(columns, values, true);
  }
}
