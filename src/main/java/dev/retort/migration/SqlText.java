package dev.retort.migration;

import java.util.Objects;

/** SQL written verbatim where a value is expected, such as {@code sql("now()")} in a row. */
public final class SqlText {

  private final String sql;

  SqlText(String sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  public String sql() {
    return sql;
  }

  @Override
  public String toString() {
    return sql;
  }
}
