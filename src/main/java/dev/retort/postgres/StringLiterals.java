package dev.retort.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * The string constants an SQL text holds, read as PostgreSQL's lexer reads them: {@code 'it''s'} is
 * {@code it's}, {@code E'a\'b'} is {@code a'b}; quoted identifiers, comments and dollar-quoted
 * bodies are skipped, so a name or a comment that spells a value is not a use of it.
 */
public final class StringLiterals {

  private StringLiterals() {}

  public static List<String> in(String sql) {
    List<String> values = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"') {
        i = skipQuoted(sql, i, '"');
      } else if (c == '$') {
        i = skipDollarQuoted(sql, i);
      } else if (c == '\'') {
        boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
        StringBuilder value = new StringBuilder();
        i = readString(sql, i + 1, escapes, value);
        values.add(value.toString());
      } else {
        i++;
      }
    }
    return values;
  }

  /** Reads a string constant's body from {@code start}; returns the index after its end. */
  private static int readString(String sql, int start, boolean escapes, StringBuilder value) {
    int i = start;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (escapes && c == '\\' && i + 1 < sql.length()) {
        value.append(sql.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        value.append(c);
        i++;
      }
    }
    return i;
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** {@code $tag$ ... $tag$}; a lone {@code $} (a parameter like {@code $1}) is just skipped. */
  private static int skipDollarQuoted(String sql, int start) {
    int close = sql.indexOf('$', start + 1);
    if (close < 0) {
      return start + 1;
    }
    String tag = sql.substring(start, close + 1);
    if (!tag.substring(1, tag.length() - 1).matches("[A-Za-z_]*")) {
      return start + 1;
    }
    int end = sql.indexOf(tag, close + 1);
    return end < 0 ? sql.length() : end + tag.length();
  }
}
