package dev.retort.postgres;

import dev.retort.migration.Dsl;
import dev.retort.schema.SqlExpression;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/**
 * SQL literals that are safe whatever the session's {@code standard_conforming_strings}: a string
 * with a backslash becomes an escape string ({@code E'...'}), so no value can end the literal
 * early.
 */
public final class Literals {

  private Literals() {}

  /** A string literal; the public DSL's {@code literal(...)} is the one implementation. */
  public static String string(String value) {
    return Dsl.literal(value);
  }

  /**
   * A value from a bulk insert row or a parameter, as a literal PostgreSQL reads back unchanged.
   */
  public static String value(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Boolean) {
      return ((Boolean) value) ? "TRUE" : "FALSE";
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return string(Double.toString(d).replace("Infinity", "infinity")) + "::double precision";
      }
      return value.toString();
    }
    if (value instanceof UUID) {
      return string(value.toString()) + "::uuid";
    }
    if (value instanceof TemporalAccessor) {
      return string(value.toString());
    }
    if (value instanceof Enum<?>) {
      return string(((Enum<?>) value).name());
    }
    if (value instanceof SqlExpression) {
      return ((SqlExpression) value).sql();
    }
    return string(value.toString());
  }
}
