package dev.retort.entity;

import dev.retort.postgres.Identifiers;
import dev.retort.postgres.Literals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *   <li>{@code NULLS NOT DISTINCT} comes after a unique constraint's columns instead of before;
 *   <li>comments are not escaped ({@code is 'user's email'} is a syntax error); they are re-quoted.
 * </ul>
 */
public final class HibernateDdlCorrections {

  private static final Pattern CREATE_TYPE =
      Pattern.compile("(?i)^create type (\\S+) as enum \\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern CREATE_CAST = Pattern.compile("(?i)^create cast \\(.*");
  private static final Pattern UNIQUE_NULLS =
      Pattern.compile("(?i)unique \\(([^()]*)\\) nulls not distinct");
  private static final Pattern COMMENT =
      Pattern.compile("(?i)^(comment on (?:table|column) .+? is )'(.*)'$", Pattern.DOTALL);

  private HibernateDdlCorrections() {}

  /**
   * @param declarationOrder the Java constants of each named enum type, keyed by the type name as
   *     PostgreSQL stores it (unquoted names folded to lower case)
   */
  public static List<String> correct(List<String> ddl, Map<String, List<String>> declarationOrder) {
    List<String> corrected = new ArrayList<>(missingEnumTypes(ddl, declarationOrder));
    ddl.stream()
        .filter(statement -> !CREATE_CAST.matcher(statement).matches())
        .map(statement -> reorder(statement, declarationOrder))
        .map(HibernateDdlCorrections::requoteComment)
        .map(HibernateDdlCorrections::nullsNotDistinctBeforeColumns)
        .forEach(corrected::add);
    return corrected;
  }

  /**
   * A column that names its enum type in {@code columnDefinition} uses a type Hibernate never
   * creates (it creates one named after the Java class instead); without it the DDL fails on a
   * database that lacks the type. It is created from the Java enum, ahead of the tables.
   */
  private static List<String> missingEnumTypes(
      List<String> ddl, Map<String, List<String>> declarationOrder) {
    Set<String> created = new HashSet<>();
    for (String statement : ddl) {
      Matcher matcher = CREATE_TYPE.matcher(statement.strip());
      if (matcher.matches()) {
        created.add(foldedName(matcher.group(1)));
      }
    }
    List<String> statements = new ArrayList<>();
    new TreeMap<>(declarationOrder)
        .forEach(
            (name, constants) -> {
              if (!created.contains(name)) {
                statements.add(
                    "create type "
                        + Identifiers.quote(name)
                        + " as enum ("
                        + constants.stream()
                            .map(c -> "'" + c.replace("'", "''") + "'")
                            .collect(Collectors.joining(","))
                        + ")");
              }
            });
    return statements;
  }

  /**
   * Hibernate writes {@code unique (a, b) nulls not distinct}; PostgreSQL wants {@code unique nulls
   * not distinct (a, b)}.
   */
  private static String nullsNotDistinctBeforeColumns(String statement) {
    return UNIQUE_NULLS.matcher(statement).replaceAll("unique nulls not distinct ($1)");
  }

  /** Hibernate writes the comment text between quotes as it is; the last quote ends it. */
  private static String requoteComment(String statement) {
    Matcher matcher = COMMENT.matcher(statement.strip());
    if (!matcher.matches()) {
      return statement;
    }
    return matcher.group(1) + Literals.string(matcher.group(2));
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
    String values =
        constants.stream()
            .map(c -> "'" + c.replace("'", "''") + "'")
            .collect(Collectors.joining(","));
    return "create type " + matcher.group(1) + " as enum (" + values + ")";
  }

  /** The name PostgreSQL will store: quoted names as written, others in lower case. */
  public static String foldedName(String sqlName) {
    String name = sqlName.contains(".") ? sqlName.substring(sqlName.lastIndexOf('.') + 1) : sqlName;
    if (name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(Locale.ROOT);
  }
}
