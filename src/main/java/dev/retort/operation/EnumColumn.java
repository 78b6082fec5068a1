package dev.retort.operation;

import dev.retort.schema.QualifiedName;

/**
 * A column whose type is an enum type (or an array of it), with its default: what must be re-typed
 * when the enum type is replaced. Built in migrations with {@code enumColumn("people", "mood")}.
 */
public record EnumColumn(
    QualifiedName table, String column, int arrayDimensions, String defaultValue) {

  /** An array of the enum type, {@code dimensions} deep. */
  public EnumColumn array(int dimensions) {
    return new EnumColumn(table, column, dimensions, defaultValue);
  }

  /** The column's default, which is dropped and set again around the conversion. */
  public EnumColumn withDefault(String expression) {
    return new EnumColumn(table, column, arrayDimensions, expression);
  }
}
