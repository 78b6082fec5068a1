package dev.retort.plan;

import dev.retort.postgres.StableFunctions;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a default expression is volatile, so that adding a column with it makes PostgreSQL
 * compute it for every existing row and rewrite the table (a stable or immutable default, such as
 * {@code now()} or a constant, is stored once in the catalog since PostgreSQL 11). A call to any
 * function not in {@link StableFunctions} is taken as volatile, the safe side. The expression is
 * read with a small tokenizer (the planner has no SQL parser; lint reads the same list through
 * one).
 */
final class VolatileExpressions {

  private VolatileExpressions() {}

  /** Whether evaluating {@code expression} once per row can give different values. */
  static boolean isVolatile(String expression) {
    if (expression == null) {
      return false;
    }
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (c == '\'' || c == '"') {
        // A literal or a quoted name: skip to its closing quote (doubled quotes stay inside).
        int end = i + 1;
        while (end < n) {
          if (expression.charAt(end) == c) {
            if (end + 1 < n && expression.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(expression.charAt(i))
                || expression.charAt(i) == '_'
                || expression.charAt(i) == '.')) {
          i++;
        }
        String word = expression.substring(start, i).toLowerCase(Locale.ROOT);
        int next = i;
        while (next < n && Character.isWhitespace(expression.charAt(next))) {
          next++;
        }
        boolean call = next < n && expression.charAt(next) == '(';
        String function = word.substring(word.lastIndexOf('.') + 1);
        if (call && !StableFunctions.contains(function) && !isTypeName(function)) {
          return true;
        }
      } else {
        i++;
      }
    }
    return false;
  }

  /**
   * Type names written with modifiers ({@code varchar(20)}, {@code numeric(10,2)}) are not calls.
   */
  private static boolean isTypeName(String word) {
    return Set.of(
            "varchar",
            "varying",
            "character",
            "char",
            "numeric",
            "decimal",
            "timestamp",
            "time",
            "interval",
            "bit",
            "varbit")
        .contains(word);
  }
}
