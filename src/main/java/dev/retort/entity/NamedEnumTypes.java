package dev.retort.entity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Corrects Hibernate's DDL for PostgreSQL named enum types: Hibernate lists the values
 * alphabetically, but an enum type's order is its Java declaration order (it is what {@code
 * ORDER BY} and comparisons use, and what {@code ADD VALUE ... BEFORE} must preserve). Its
 * implicit casts between varchar and the type are left out: they are database-wide objects,
 * Hibernate does not need them, and Retort does not manage them.
 */
final class NamedEnumTypes {

  private static final Pattern CREATE_TYPE =
      Pattern.compile("(?i)^create type (\\S+) as enum \\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern CREATE_CAST = Pattern.compile("(?i)^create cast \\(.*");

  private NamedEnumTypes() {}

  /**
   * @param declarationOrder the Java constants of each named enum type, keyed by the type name as
   *     PostgreSQL stores it (unquoted names folded to lower case)
   */
  static List<String> correct(List<String> ddl, Map<String, List<String>> declarationOrder) {
    return ddl.stream()
        .filter(statement -> !CREATE_CAST.matcher(statement).matches())
        .map(statement -> reorder(statement, declarationOrder))
        .toList();
  }

  private static String reorder(String statement, Map<String, List<String>> declarationOrder) {
    Matcher matcher = CREATE_TYPE.matcher(statement.strip());
    if (!matcher.matches()) {
      return statement;
    }
    List<String> constants = declarationOrder.get(foldedName(matcher.group(1)));
    if (constants == null) {
      return statement;
    }
    String values = constants.stream().map(c -> "'" + c.replace("'", "''") + "'").collect(Collectors.joining(","));
    return "create type " + matcher.group(1) + " as enum (" + values + ")";
  }

  /** The name PostgreSQL will store: quoted names as written, others in lower case. */
  static String foldedName(String sqlName) {
    String name = sqlName.contains(".") ? sqlName.substring(sqlName.lastIndexOf('.') + 1) : sqlName;
    if (name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
