package dev.retort.migration;

import java.util.Objects;

/**
 * A column of an enum type, for {@code replaceEnumType}: {@code enumColumn("people", "mood")},
 * optionally {@code .array(1)} and {@code .withDefault("'happy'::mood")}.
 */
public final class EnumColumn {

  private final TableName table;
  private final String column;
  private final int arrayDimensions;
  private final String defaultValue;

  EnumColumn(TableName table, String column, int arrayDimensions, String defaultValue) {
    this.table = Objects.requireNonNull(table, "table");
    this.column = Objects.requireNonNull(column, "column");
    this.arrayDimensions = arrayDimensions;
    this.defaultValue = defaultValue;
  }

  /** An array of the enum type, {@code dimensions} deep. */
  public EnumColumn array(int dimensions) {
    return new EnumColumn(table, column, dimensions, defaultValue);
  }

  /** The column's default, which is dropped and set again around the conversion. */
  public EnumColumn withDefault(String expression) {
    return new EnumColumn(table, column, arrayDimensions, expression);
  }

  public TableName table() {
    return table;
  }

  public String column() {
    return column;
  }

  public int arrayDimensions() {
    return arrayDimensions;
  }

  public String defaultValue() {
    return defaultValue;
  }
}
