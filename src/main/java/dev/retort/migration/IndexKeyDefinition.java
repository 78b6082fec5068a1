package dev.retort.migration;

/**
 * One key of an index: {@code key("name")} or {@code expression("lower(email)")}, optionally {@code
 * .desc()}, {@code .nullsFirst(...)}, {@code .withOpclass("text_pattern_ops")}.
 */
public final class IndexKeyDefinition {

  private final String column;
  private final String expression;
  private final boolean descending;
  private final Boolean nullsFirst;
  private final String opclass;

  IndexKeyDefinition(
      String column, String expression, boolean descending, Boolean nullsFirst, String opclass) {
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("an index key is either a column or an expression");
    }
    this.column = column;
    this.expression = expression;
    this.descending = descending;
    this.nullsFirst = nullsFirst;
    this.opclass = opclass;
  }

  public IndexKeyDefinition desc() {
    return new IndexKeyDefinition(column, expression, true, nullsFirst, opclass);
  }

  /** Where NULLs sort; the default is last for ascending keys, first for descending ones. */
  public IndexKeyDefinition nullsFirst(boolean first) {
    return new IndexKeyDefinition(column, expression, descending, first, opclass);
  }

  public IndexKeyDefinition withOpclass(String value) {
    return new IndexKeyDefinition(column, expression, descending, nullsFirst, value);
  }

  /** The column, or null for an expression key. */
  public String column() {
    return column;
  }

  /** The expression (SQL), or null for a column key. */
  public String expression() {
    return expression;
  }

  public boolean descending() {
    return descending;
  }

  /** Null when left to the default. */
  public Boolean nullsFirst() {
    return nullsFirst;
  }

  public String opclass() {
    return opclass;
  }
}
