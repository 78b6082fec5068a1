package dev.retort.migration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in types the DSL has a factory for, each with PostgreSQL's name for it (as {@code
 * format_type} prints it, without modifiers) and the factory's name. The one table both the DSL and
 * Retort's code generator read, so a generated call always spells the type it was generated from.
 */
public enum BuiltinType {
  SMALLINT("smallint", "smallint", Modifiers.NONE),
  INTEGER("integer", "integer", Modifiers.NONE),
  BIGINT("bigint", "bigint", Modifiers.NONE),
  BOOLEAN("boolean", "bool", Modifiers.NONE),
  REAL("real", "real", Modifiers.NONE),
  DOUBLE_PRECISION("double precision", "doublePrecision", Modifiers.NONE),
  NUMERIC("numeric", "numeric", Modifiers.OPTIONAL_TWO),
  TEXT("text", "text", Modifiers.NONE),
  VARCHAR("character varying", "varchar", Modifiers.OPTIONAL_ONE),
  CHARACTER("character", "character", Modifiers.ONE),
  BYTEA("bytea", "bytea", Modifiers.NONE),
  UUID("uuid", "uuid", Modifiers.NONE),
  JSON("json", "json", Modifiers.NONE),
  JSONB("jsonb", "jsonb", Modifiers.NONE),
  DATE("date", "date", Modifiers.NONE),
  TIME("time without time zone", "time", Modifiers.OPTIONAL_ONE),
  TIMESTAMP("timestamp without time zone", "timestamp", Modifiers.OPTIONAL_ONE),
  TIMESTAMPTZ("timestamp with time zone", "timestamptz", Modifiers.OPTIONAL_ONE),
  INTERVAL("interval", "interval", Modifiers.NONE),
  OID("oid", "oid", Modifiers.NONE);

  /** Which modifier lists a factory takes: {@code varchar()} and {@code varchar(255)}. */
  public enum Modifiers {
    NONE(0, 0),
    ONE(1, 1),
    OPTIONAL_ONE(0, 1),
    OPTIONAL_TWO(0, 2);

    private final int least;
    private final int most;

    Modifiers(int least, int most) {
      this.least = least;
      this.most = most;
    }

    /** Whether a factory of this kind takes {@code count} integer arguments. */
    public boolean accepts(int count) {
      return count == least || count == most;
    }
  }

  private final String sqlName;
  private final String factory;
  private final Modifiers modifiers;

  BuiltinType(String sqlName, String factory, Modifiers modifiers) {
    this.sqlName = sqlName;
    this.factory = factory;
    this.modifiers = modifiers;
  }

  /** The name as {@code format_type} prints it, without modifiers: {@code character varying}. */
  public String sqlName() {
    return sqlName;
  }

  /** The name of the {@link Dsl} factory: {@code varchar}. */
  public String factory() {
    return factory;
  }

  public Modifiers modifiers() {
    return modifiers;
  }

  public static Optional<BuiltinType> bySqlName(String sqlName) {
    return Arrays.stream(values()).filter(t -> t.sqlName.equals(sqlName)).findFirst();
  }
}
