package dev.retort.compare;

import dev.retort.schema.EnumMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Java enum back out of the check constraint Hibernate guards an enum column with: the
 * names of a STRING enum, the number of constants of an ORDINAL one.
 */
final class EnumChecks {

  private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern RANGE =
      Pattern.compile("^\\(?\\(?\"?([^\" ]+)\"?\\)? >= 0 AND \\(?\"?\\1\"?\\)? <= (\\d+)\\)?$");

  private EnumChecks() {}

  /** The STRING enum values a check allows, in the order written, if it is such a check. */
  static Optional<List<String>> stringValues(String column, String expression) {
    if (!expression.contains(column) || !expression.contains("ANY")) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    Matcher matcher = LITERAL.matcher(expression);
    while (matcher.find()) {
      values.add(matcher.group(1).replace("''", "'"));
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(values);
  }

  /** How many constants an ORDINAL check allows (0..n-1), if it is such a check. */
  static Optional<Integer> ordinalCount(String column, String expression) {
    Matcher matcher = RANGE.matcher(expression.strip());
    if (matcher.matches() && matcher.group(1).equals(column)) {
      return Optional.of(Integer.parseInt(matcher.group(2)) + 1);
    }
    return Optional.empty();
  }

  /** Whether a check is the guard of an enum column, by what it says and what the column is. */
  static boolean isEnumGuard(String column, String expression, EnumMapping mapping) {
    if (mapping == null) {
      return false;
    }
    switch (mapping.storage()) {
      case STRING:
        return stringValues(column, expression).isPresent();
      case ORDINAL:
        return ordinalCount(column, expression).isPresent();
      case CONVERTED:
        // The converter's values are unknown: any check on the column is its guard.
        return Pattern.compile("(^|[^\\w\"])\"?" + Pattern.quote(column) + "\"?($|[^\\w\"])")
            .matcher(expression)
            .find();
      default:
        return false;
    }
  }
}
