package dev.retort.schema;

/**
 * One key of an index: a column or an expression, with its sort order and operator class.
 *
 * @param column the column name, or null for an expression key
 * @param expression the expression as PostgreSQL prints it, or null for a column key
 * @param nullsFirst null when the nulls order is the default for the direction
 * @param opclass a non-default operator class, or null
 */
public record IndexKey(
    String column, String expression, boolean descending, Boolean nullsFirst, String opclass) {

  public IndexKey {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is either a column or an expression");
    }
  }

  public static IndexKey column(String name) {
    return new IndexKey(name, null, false, null, null);
  }

  public static IndexKey expression(String sql) {
    return new IndexKey(null, sql, false, null, null);
  }

  public IndexKey desc() {
    return new IndexKey(column, expression, true, nullsFirst, opclass);
  }

  public IndexKey nullsFirst(boolean first) {
    boolean isDefault = first == descending;
    return new IndexKey(column, expression, descending, isDefault ? null : first, opclass);
  }

  public IndexKey withOpclass(String value) {
    return new IndexKey(column, expression, descending, nullsFirst, value);
  }
}
