package dev.retort.migration;

import java.util.Objects;

/**
 * A column type, built with the factories of {@link Dsl}: a built-in type with its modifiers
 * ({@code varchar(255)}), a type spelled as PostgreSQL prints it ({@code
 * type("geometry(Point,4326)")}), or an enum type by name ({@code enumType("mood")}); each possibly
 * an array.
 */
public final class ColumnType {

  private final String name;
  private final String modifiers;
  private final boolean isEnum;
  private final String enumSchema;
  private final int arrayDimensions;

  private ColumnType(
      String name, String modifiers, boolean isEnum, String enumSchema, int arrayDimensions) {
    this.name = Objects.requireNonNull(name, "name");
    this.modifiers = modifiers;
    this.isEnum = isEnum;
    this.enumSchema = enumSchema;
    this.arrayDimensions = arrayDimensions;
  }

  static ColumnType builtin(BuiltinType type, int... modifiers) {
    if (!type.modifiers().accepts(modifiers.length)) {
      throw new IllegalArgumentException(type.factory() + " takes another number of arguments");
    }
    StringBuilder list = new StringBuilder();
    for (int modifier : modifiers) {
      list.append(list.length() == 0 ? "" : ",").append(modifier);
    }
    return new ColumnType(
        type.sqlName(), list.length() == 0 ? null : list.toString(), false, null, 0);
  }

  static ColumnType spelled(String sql) {
    return new ColumnType(sql, null, false, null, 0);
  }

  static ColumnType enumType(String schema, String name) {
    return new ColumnType(name, null, true, schema, 0);
  }

  ColumnType arrayOf() {
    return new ColumnType(name, modifiers, isEnum, enumSchema, arrayDimensions + 1);
  }

  /**
   * The type's name: PostgreSQL's name of a built-in type without modifiers ({@code character
   * varying}), the whole spelling given to {@code type(...)}, or the enum type's name.
   */
  public String name() {
    return name;
  }

  /** The modifiers of a built-in type ({@code 10,2}), or null. */
  public String modifiers() {
    return modifiers;
  }

  /** Whether this is an enum (user-defined) type named by {@link #name()}. */
  public boolean isEnum() {
    return isEnum;
  }

  /** The enum type's schema, or null for the default schema (and for other types). */
  public String enumSchema() {
    return enumSchema;
  }

  public int arrayDimensions() {
    return arrayDimensions;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ColumnType that
        && name.equals(that.name)
        && Objects.equals(modifiers, that.modifiers)
        && isEnum == that.isEnum
        && Objects.equals(enumSchema, that.enumSchema)
        && arrayDimensions == that.arrayDimensions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, modifiers, isEnum, enumSchema, arrayDimensions);
  }

  @Override
  public String toString() {
    String base = modifiers == null ? name : name + "(" + modifiers + ")";
    return base + "[]".repeat(arrayDimensions);
  }
}
