package dev.retort.entity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Corrects what Hibernate 7 gets wrong in PostgreSQL DDL, so the model is what the application
 * means:
 *
 * <ul>
 *   <li>named enum types list their values alphabetically; an enum type's order is its Java
 *       declaration order (what {@code ORDER BY} and comparisons use, and what {@code ADD VALUE ...
 *       BEFORE} must preserve);
 *   <li>the implicit casts between varchar and each enum type are left out: they are database-wide
 *       objects, Hibernate does not need them, and Retort does not manage them;
 *   <li>comments are not escaped ({@code is 'user's email'} is a syntax error); they are re-quoted.
 * </ul>
 */
final class HibernateDdlCorrections {

  private static final Pattern CREATE_TYPE =
      Pattern.compile("(?i)^create type (\\S+) as enum \\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern CREATE_CAST = Pattern.compile("(?i)^create cast \\(.*");
  private static final Pattern COMMENT =
      Pattern.compile("(?i)^(comment on (?:table|column) .+? is )'(.*)'$", Pattern.DOTALL);

  private HibernateDdlCorrections() {}

  /**
   * @param declarationOrder the Java constants of each named enum type, keyed by the type name as
   *     PostgreSQL stores it (unquoted names folded to lower case)
   */
  static List<String> correct(List<String> ddl, Map<String, List<String>> declarationOrder) {
    return ddl.stream()
        .filter(statement -> !CREATE_CAST.matcher(statement).matches())
        .map(statement -> reorder(statement, declarationOrder))
        .map(HibernateDdlCorrections::requoteComment)
        .toList();
  }

  /** Hibernate writes the comment text between quotes as it is; the last quote ends it. */
  private static String requoteComment(String statement) {
    Matcher matcher = COMMENT.matcher(statement.strip());
    if (!matcher.matches()) {
      return statement;
    }
    return matcher.group(1) + dev.retort.postgres.Literals.string(matcher.group(2));
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
