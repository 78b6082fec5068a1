package dev.retort.lint;

import dev.retort.schema.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column definition's clauses, read from the tokens the SQL parser leaves them as ({@code
 * [DEFAULT, now, (), NOT, NULL]}): JSqlParser structures a column's name and type but hands its
 * constraints back as the tokens it read.
 *
 * @param defaultValue the default expression's text, or null
 * @param generated a stored generated column's expression, or null
 * @param references the referenced table, or null
 * @param referencedColumns the referenced columns (empty: the target's primary key)
 */
record ColumnSpecs(
    boolean notNull,
    boolean primaryKey,
    boolean unique,
    String defaultValue,
    boolean identity,
    String generated,
    String references,
    List<String> referencedColumns,
    ReferentialAction onDelete) {

  /** The words that start the next clause, and so end a default expression. */
  private static final Set<String> CLAUSES =
      Set.of(
          "NOT",
          "NULL",
          "PRIMARY",
          "UNIQUE",
          "REFERENCES",
          "CHECK",
          "CONSTRAINT",
          "GENERATED",
          "COLLATE");

  static ColumnSpecs of(List<String> tokens) {
    List<String> specs = tokens == null ? List.of() : tokens;
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    String defaultValue = null;
    boolean identity = false;
    String generated = null;
    String references = null;
    List<String> referencedColumns = List.of();
    ReferentialAction onDelete = ReferentialAction.NO_ACTION;
    for (int i = 0; i < specs.size(); i++) {
      String word = upper(specs.get(i));
      if (word.equals("NOT") && i + 1 < specs.size() && upper(specs.get(i + 1)).equals("NULL")) {
        notNull = true;
        i++;
      } else if (word.equals("PRIMARY")) {
        primaryKey = true;
        notNull = true;
      } else if (word.equals("UNIQUE")) {
        unique = true;
      } else if (word.equals("DEFAULT")) {
        List<String> expression = new ArrayList<>();
        while (i + 1 < specs.size() && !CLAUSES.contains(upper(specs.get(i + 1)))) {
          expression.add(specs.get(++i));
        }
        defaultValue = String.join(" ", expression);
      } else if (word.equals("GENERATED")) {
        int end = i + 1;
        while (end < specs.size() && !upper(specs.get(end)).equals("STORED")) {
          if (upper(specs.get(end)).equals("IDENTITY")) {
            identity = true;
          }
          end++;
        }
        if (!identity && end < specs.size()) {
          generated = unparenthesize(specs.get(end - 1));
        }
        i = Math.min(end, specs.size() - 1);
      } else if (word.equals("REFERENCES") && i + 1 < specs.size()) {
        references = specs.get(++i);
        if (i + 1 < specs.size() && specs.get(i + 1).startsWith("(")) {
          referencedColumns = columnList(specs.get(++i));
        }
      } else if (word.equals("DELETE") && i > 0 && upper(specs.get(i - 1)).equals("ON")) {
        onDelete = action(specs, i + 1);
      }
    }
    return new ColumnSpecs(
        notNull,
        primaryKey,
        unique,
        defaultValue,
        identity,
        generated,
        references,
        referencedColumns,
        onDelete);
  }

  private static ReferentialAction action(List<String> specs, int at) {
    String first = at < specs.size() ? upper(specs.get(at)) : "";
    String second = at + 1 < specs.size() ? upper(specs.get(at + 1)) : "";
    switch (first) {
      case "CASCADE":
        return ReferentialAction.CASCADE;
      case "RESTRICT":
        return ReferentialAction.RESTRICT;
      case "SET":
        return second.equals("NULL") ? ReferentialAction.SET_NULL : ReferentialAction.SET_DEFAULT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  /** {@code (a, b)} as the parser prints a column list. */
  static List<String> columnList(String token) {
    List<String> columns = new ArrayList<>();
    for (String part : unparenthesize(token).split(",")) {
      if (!part.isBlank()) {
        columns.add(SqlNames.identifier(part.strip()));
      }
    }
    return columns;
  }

  private static String unparenthesize(String token) {
    String text = token.strip();
    return text.startsWith("(") && text.endsWith(")")
        ? text.substring(1, text.length() - 1).strip()
        : text;
  }

  private static String upper(String token) {
    return token.toUpperCase(Locale.ROOT);
  }
}
