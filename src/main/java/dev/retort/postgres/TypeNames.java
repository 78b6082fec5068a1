package dev.retort.postgres;

import dev.retort.schema.SqlType;

/** Types as SQL: a built-in type as {@code format_type} spells it, a user-defined one quoted. */
public final class TypeNames {

  private TypeNames() {}

  public static String sql(SqlType type) {
    if (type.isUserDefined()) {
      return Identifiers.qualified(type.userDefined()) + "[]".repeat(type.arrayDimensions());
    }
    return type.builtinSpelling();
  }
}
