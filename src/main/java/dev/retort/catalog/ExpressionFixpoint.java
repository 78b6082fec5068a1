package dev.retort.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL does not always print an expression in a form it would print the same way again.
 * {@code kind IN ('A', 'B')} on a varchar column prints as {@code ARRAY['A'::character varying,
 * 'B'::character varying]::text[]}; created from that text, the constraint prints as {@code
 * ARRAY['A'::character varying::text, 'B'::character varying::text]}, which is stable. The reader
 * keeps every expression in its stable form, so a database built by Hibernate, the entity model,
 * and a database built by a generated migration all read alike.
 */
final class ExpressionFixpoint {

  private static final Pattern ARRAY_CAST = Pattern.compile("ARRAY\\[");
  private static final Pattern CAST_SUFFIX = Pattern.compile("^::([a-z][a-z ]*[a-z])\\[\\]");
  private static final Pattern LITERAL =
      Pattern.compile("^(?:'(?:[^']|'')*'|-?[0-9]+(?:\\.[0-9]+)?)(?:::[a-z][a-z ]*[a-z])*$");

  private ExpressionFixpoint() {}

  static String of(String expression) {
    if (expression == null || !expression.contains("ARRAY[")) {
      return expression;
    }
    StringBuilder out = new StringBuilder();
    int position = 0;
    Matcher start = ARRAY_CAST.matcher(expression);
    while (start.find(position)) {
      int open = start.end();
      int close = closingBracket(expression, open);
      if (close < 0) {
        break;
      }
      Matcher cast = CAST_SUFFIX.matcher(expression.substring(close + 1));
      List<String> elements = split(expression.substring(open, close));
      if (cast.find()
          && !elements.isEmpty()
          && elements.stream().allMatch(e -> LITERAL.matcher(e).matches())) {
        String type = cast.group(1);
        out.append(expression, position, start.start()).append("ARRAY[");
        for (int i = 0; i < elements.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(elements.get(i)).append("::").append(type);
        }
        out.append(']');
        position = close + 1 + cast.end();
      } else {
        out.append(expression, position, open);
        position = open;
      }
    }
    return out.append(expression.substring(position)).toString();
  }

  /** The index of the ']' closing the array that opens before {@code from}, skipping quotes. */
  private static int closingBracket(String text, int from) {
    int depth = 1;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> split(String elements) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int begin = 0;
    for (int i = 0; i < elements.length(); i++) {
      char c = elements.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        parts.add(elements.substring(begin, i).strip());
        begin = i + 1;
      }
    }
    parts.add(elements.substring(begin).strip());
    return parts;
  }
}
