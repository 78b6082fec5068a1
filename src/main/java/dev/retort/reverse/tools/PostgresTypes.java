package dev.retort.reverse.tools;

import java.util.Map;

/**
 * The Java type of a column, by its PostgreSQL type name, chosen so that Hibernate's DDL for the
 * field is the column's type again: {@code timestamptz} is an {@code Instant} (Hibernate Tools'
 * default, {@code java.sql.Timestamp}, would come back as {@code timestamp} without time zone),
 * {@code jsonb} a JSON {@code String}, integers their boxed types so a new entity's generated id is
 * null rather than 0. A type not listed keeps Hibernate Tools' own choice.
 */
final class PostgresTypes {

  private static final Map<String, String> JAVA_TYPES =
      Map.ofEntries(
          Map.entry("int2", "java.lang.Short"),
          Map.entry("int4", "java.lang.Integer"),
          Map.entry("int8", "java.lang.Long"),
          Map.entry("bool", "java.lang.Boolean"),
          Map.entry("float4", "java.lang.Float"),
          Map.entry("float8", "java.lang.Double"),
          Map.entry("numeric", "java.math.BigDecimal"),
          Map.entry("varchar", "java.lang.String"),
          Map.entry("text", "java.lang.String"),
          Map.entry("date", "java.time.LocalDate"),
          Map.entry("time", "java.time.LocalTime"),
          Map.entry("timestamp", "java.time.LocalDateTime"),
          Map.entry("timestamptz", "java.time.Instant"),
          Map.entry("uuid", "java.util.UUID"),
          Map.entry("bytea", "byte[]"),
          Map.entry("json", "java.lang.String"),
          Map.entry("jsonb", "java.lang.String"));

  private PostgresTypes() {}

  /** The Java type for a PostgreSQL type name, or null to keep Hibernate Tools' choice. */
  static String javaType(String postgresType) {
    return JAVA_TYPES.get(postgresType);
  }

  static boolean isJson(String postgresType) {
    return postgresType.equals("json") || postgresType.equals("jsonb");
  }

  /**
   * The Java enum for a PostgreSQL enum type: the type's name with its first letter upper-cased,
   * because Hibernate names the type it creates after the enum's simple name, unquoted, so {@code
   * Userstatus} folds back to {@code userstatus} (a camel-cased {@code LeaveStatus} would come back
   * as {@code leavestatus}, not {@code leave_status}). Null for a name that folding cannot give
   * back (upper case, or not a Java identifier): such a column stays a String.
   */
  static String enumClassName(String typeName) {
    if (!typeName.matches("[a-z_][a-z0-9_]*")) {
      return null;
    }
    return Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1);
  }
}
