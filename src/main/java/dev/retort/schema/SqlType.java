package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column type, parsed once from PostgreSQL's canonical spelling ({@code format_type}): the type's
 * name without modifiers ({@code character varying}, {@code timestamp with time zone}), its
 * modifiers ({@code 255}, {@code 10,2}, {@code Point,4326}), and its array dimensions. A
 * user-defined type (an enum) is held by its qualified name instead, so that it can be re-qualified
 * when a scratch schema is mapped back, and quoted by the SQL dialect when it is written.
 *
 * @param name the built-in type's name, or the user-defined type's unqualified name
 * @param modifiers the type modifiers without parentheses, or null
 * @param userDefined the user-defined type, or null for a built-in (or extension) type
 */
public record SqlType(
    String name, String modifiers, QualifiedName userDefined, int arrayDimensions) {

  public SqlType {
    Objects.requireNonNull(name, "name");
    if (arrayDimensions < 0) {
      throw new IllegalArgumentException("negative array dimensions");
    }
    if (userDefined != null && !userDefined.name().equals(name)) {
      throw new IllegalArgumentException("a user-defined type is named by its qualified name");
    }
  }

  /** A built-in type as {@code format_type} prints it: {@code numeric(10,2)}, {@code text[]}. */
  public static SqlType parse(String formatted) {
    String text = formatted.strip();
    int dimensions = 0;
    while (text.endsWith("[]")) {
      text = text.substring(0, text.length() - 2).stripTrailing();
      dimensions++;
    }
    int open = text.indexOf('(');
    int close = open < 0 ? -1 : text.indexOf(')', open);
    if (open < 0 || close < 0) {
      return new SqlType(text, null, null, dimensions);
    }
    String name =
        (text.substring(0, open).strip() + " " + text.substring(close + 1).strip()).strip();
    return new SqlType(name, text.substring(open + 1, close).replace(" ", ""), null, dimensions);
  }

  /** A built-in type by name and modifiers ({@code "character varying", "255"}). */
  public static SqlType builtin(String name, String modifiers) {
    return new SqlType(name, modifiers, null, 0);
  }

  /** A user-defined type such as an enum. */
  public static SqlType userDefined(QualifiedName name, int arrayDimensions) {
    return new SqlType(name.name(), null, name, arrayDimensions);
  }

  public SqlType withArrayDimensions(int dimensions) {
    return new SqlType(name, modifiers, userDefined, dimensions);
  }

  /** The type of one element: the same type without array dimensions. */
  public SqlType element() {
    return withArrayDimensions(0);
  }

  public boolean isUserDefined() {
    return userDefined != null;
  }

  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** The modifiers as numbers ({@code 10,2}); empty when there are none or they are not numbers. */
  public List<Integer> numericModifiers() {
    List<Integer> values = new ArrayList<>();
    if (modifiers == null) {
      return values;
    }
    for (String part : modifiers.split(",")) {
      if (!part.matches("-?\\d+")) {
        return List.of();
      }
      values.add(Integer.parseInt(part));
    }
    return values;
  }

  /**
   * The spelling of a built-in type as {@code format_type} prints it, modifiers in place: after the
   * first word of the time types ({@code timestamp(6) with time zone}), at the end elsewhere
   * ({@code interval second(3)}, {@code numeric(10,2)}); with array brackets.
   */
  public String builtinSpelling() {
    String base = name;
    if (modifiers != null) {
      boolean timeType =
          (name.startsWith("timestamp ") || name.startsWith("time "))
              && name.contains(" time zone");
      int space = name.indexOf(' ');
      base =
          timeType
              ? name.substring(0, space) + "(" + modifiers + ")" + name.substring(space)
              : name + "(" + modifiers + ")";
    }
    return base + "[]".repeat(arrayDimensions);
  }

  /** For messages (never for SQL: a user-defined name is not quoted). */
  @Override
  public String toString() {
    return userDefined == null ? builtinSpelling() : userDefined + "[]".repeat(arrayDimensions);
  }
}
