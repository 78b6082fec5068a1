package dev.retort.schema;

import java.util.Objects;

/** SQL written verbatim where a value is expected, such as {@code now()} in an inserted row. */
public record SqlExpression(String sql) {
  public SqlExpression {
    Objects.requireNonNull(sql, "sql");
  }
}
