package dev.retort.compare;

import dev.retort.postgres.Identifiers;
import dev.retort.postgres.Literals;
import dev.retort.schema.QualifiedName;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The commented-out code a review flag offers instead of an operation. A reviewer uncomments it, so
 * it must be valid Java with valid SQL inside whatever the names are: Java string literals are
 * escaped here, SQL identifiers and literals quoted by PostgreSQL's rules.
 */
final class AlternativeCode {

  private AlternativeCode() {}

  /** {@code // op.method("a", "b");} with {@code op.inSchema(...)} outside the default schema. */
  static String call(QualifiedName table, String method, String... arguments) {
    return "//   "
        + receiver(table)
        + "."
        + method
        + "("
        + Arrays.stream(arguments)
            .map(AlternativeCode::javaString)
            .collect(Collectors.joining(", "))
        + ");";
  }

  /** {@code // op.execute("...");} for a statement PostgreSQL runs as written. */
  static String execute(String sql) {
    return "//   op.execute(" + javaString(sql) + ");";
  }

  /** An UPDATE with a placeholder the reviewer fills in: {@code SET column = <value> WHERE ...}. */
  static String update(QualifiedName table, String column, String placeholder, String where) {
    return execute(
        "UPDATE "
            + Identifiers.qualified(table)
            + " SET "
            + Identifiers.quote(column)
            + " = "
            + placeholder
            + (where == null ? "" : " WHERE " + where));
  }

  /** {@code "column" IN ('a', 'b')} with the values as SQL string literals. */
  static String in(String column, List<String> values) {
    return Identifiers.quote(column)
        + " IN ("
        + values.stream().map(Literals::string).collect(Collectors.joining(", "))
        + ")";
  }

  static String receiver(QualifiedName table) {
    return table.schema() == null ? "op" : "op.inSchema(" + javaString(table.schema()) + ")";
  }

  static String javaString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
