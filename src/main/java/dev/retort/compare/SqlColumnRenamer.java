package dev.retort.compare;

import dev.retort.postgres.Identifiers;
import java.util.Locale;
import java.util.Map;

/**
 * Renames columns inside an expression as PostgreSQL deparses it (a check, an index predicate or
 * key, a generation expression), which is what {@code ALTER TABLE ... RENAME COLUMN} does to the
 * objects that use the column. String literals, type names after {@code ::} and function names are
 * left alone.
 */
final class SqlColumnRenamer {

  private SqlColumnRenamer() {}

  static String rename(String sql, Map<String, String> renames) {
    if (sql == null || renames.isEmpty()) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(sql, i, '\'');
        out.append(sql, i, end);
        i = end;
      } else if (c == '"') {
        int end = endOfQuoted(sql, i, '"');
        String name = sql.substring(i + 1, end - 1).replace("\"\"", "\"");
        out.append(replacement(sql, i, end, name, renames));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(end))
                || sql.charAt(end) == '_'
                || sql.charAt(end) == '$')) {
          end++;
        }
        // An unquoted word is folded to lower case, as PostgreSQL reads it.
        out.append(
            replacement(sql, i, end, sql.substring(i, end).toLowerCase(Locale.ROOT), renames));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String replacement(
      String sql, int start, int end, String name, Map<String, String> renames) {
    String renamed = renames.get(name);
    if (renamed == null
        || isTypeName(sql, start)
        || isFunctionName(sql, end)
        || isQualifiedPart(sql, start)) {
      return sql.substring(start, end);
    }
    return Identifiers.quote(renamed);
  }

  private static boolean isTypeName(String sql, int start) {
    return start >= 2 && sql.startsWith("::", start - 2);
  }

  private static boolean isFunctionName(String sql, int end) {
    return end < sql.length() && sql.charAt(end) == '(';
  }

  /** {@code x.name}: a field of a composite value or a qualified name, not this table's column. */
  private static boolean isQualifiedPart(String sql, int start) {
    return start >= 1 && sql.charAt(start - 1) == '.';
  }

  /** The index after the closing quote; a doubled quote is part of the text. */
  private static int endOfQuoted(String sql, int start, char quote) {
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
    return sql.length();
  }
}
