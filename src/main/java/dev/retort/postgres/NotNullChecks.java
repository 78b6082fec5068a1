package dev.retort.postgres;

/**
 * {@code CHECK (col IS NOT NULL)}: the check an online SET NOT NULL adds and validates first, so
 * that PostgreSQL 12+ sets NOT NULL without reading the table.
 */
public final class NotNullChecks {

  private NotNullChecks() {}

  /**
   * The column of a {@code col IS NOT NULL} check, as the online SET NOT NULL writes it; null for
   * any other check.
   */
  public static String column(String expression) {
    String text = expression.strip();
    while (text.startsWith("(") && text.endsWith(")")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    String suffix = " IS NOT NULL";
    if (!text.toUpperCase(java.util.Locale.ROOT).endsWith(suffix)) {
      return null;
    }
    String column = text.substring(0, text.length() - suffix.length()).strip();
    if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")) {
      String inner = column.substring(1, column.length() - 1);
      return inner.replace("\"\"", "").contains("\"") ? null : inner.replace("\"\"", "\"");
    }
    return column.matches("[a-z_][a-z0-9_$]*") ? column : null;
  }
}
