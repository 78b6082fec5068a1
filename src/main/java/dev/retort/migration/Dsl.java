package dev.retort.migration;

import java.util.Arrays;
import java.util.List;

/**
 * Static factories for migrations: {@code import static dev.retort.migration.Dsl.*;}. Types are
 * spelled the way PostgreSQL prints them, so what a migration creates reads back identically.
 */
public final class Dsl {

  public static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;
  public static final ReferentialAction RESTRICT = ReferentialAction.RESTRICT;
  public static final ReferentialAction CASCADE = ReferentialAction.CASCADE;
  public static final ReferentialAction SET_NULL = ReferentialAction.SET_NULL;
  public static final ReferentialAction SET_DEFAULT = ReferentialAction.SET_DEFAULT;

  private Dsl() {}

  // Columns and changes

  public static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type);
  }

  /** A column change for {@link Operations#alterColumn}; chain what changes. */
  public static ColumnAlteration change() {
    return ColumnAlteration.NONE;
  }

  public static IdentityDefinition identity() {
    return new IdentityDefinition(false, SequenceSettings.DEFAULTS);
  }

  public static IdentityDefinition identityAlways() {
    return new IdentityDefinition(true, SequenceSettings.DEFAULTS);
  }

  // Types

  public static ColumnType smallint() {
    return ColumnType.builtin(BuiltinType.SMALLINT);
  }

  public static ColumnType integer() {
    return ColumnType.builtin(BuiltinType.INTEGER);
  }

  public static ColumnType bigint() {
    return ColumnType.builtin(BuiltinType.BIGINT);
  }

  public static ColumnType bool() {
    return ColumnType.builtin(BuiltinType.BOOLEAN);
  }

  public static ColumnType real() {
    return ColumnType.builtin(BuiltinType.REAL);
  }

  public static ColumnType doublePrecision() {
    return ColumnType.builtin(BuiltinType.DOUBLE_PRECISION);
  }

  public static ColumnType numeric() {
    return ColumnType.builtin(BuiltinType.NUMERIC);
  }

  public static ColumnType numeric(int precision, int scale) {
    return ColumnType.builtin(BuiltinType.NUMERIC, precision, scale);
  }

  public static ColumnType text() {
    return ColumnType.builtin(BuiltinType.TEXT);
  }

  public static ColumnType varchar() {
    return ColumnType.builtin(BuiltinType.VARCHAR);
  }

  public static ColumnType varchar(int length) {
    return ColumnType.builtin(BuiltinType.VARCHAR, length);
  }

  public static ColumnType character(int length) {
    return ColumnType.builtin(BuiltinType.CHARACTER, length);
  }

  public static ColumnType bytea() {
    return ColumnType.builtin(BuiltinType.BYTEA);
  }

  public static ColumnType uuid() {
    return ColumnType.builtin(BuiltinType.UUID);
  }

  public static ColumnType json() {
    return ColumnType.builtin(BuiltinType.JSON);
  }

  public static ColumnType jsonb() {
    return ColumnType.builtin(BuiltinType.JSONB);
  }

  public static ColumnType date() {
    return ColumnType.builtin(BuiltinType.DATE);
  }

  public static ColumnType time() {
    return ColumnType.builtin(BuiltinType.TIME);
  }

  public static ColumnType time(int precision) {
    return ColumnType.builtin(BuiltinType.TIME, precision);
  }

  public static ColumnType timestamp() {
    return ColumnType.builtin(BuiltinType.TIMESTAMP);
  }

  public static ColumnType timestamp(int precision) {
    return ColumnType.builtin(BuiltinType.TIMESTAMP, precision);
  }

  public static ColumnType timestamptz() {
    return ColumnType.builtin(BuiltinType.TIMESTAMPTZ);
  }

  public static ColumnType timestamptz(int precision) {
    return ColumnType.builtin(BuiltinType.TIMESTAMPTZ, precision);
  }

  public static ColumnType interval() {
    return ColumnType.builtin(BuiltinType.INTERVAL);
  }

  public static ColumnType oid() {
    return ColumnType.builtin(BuiltinType.OID);
  }

  /** An enum (or other user-defined) type in the default schema. */
  public static ColumnType enumType(String name) {
    return ColumnType.enumType(null, name);
  }

  public static ColumnType enumType(String schema, String name) {
    return ColumnType.enumType(schema, name);
  }

  /** A one-dimensional array of {@code element}. */
  public static ColumnType arrayOf(ColumnType element) {
    return element.arrayOf();
  }

  /** Any other type, spelled as PostgreSQL's {@code format_type} prints it. */
  public static ColumnType type(String sql) {
    return ColumnType.spelled(sql);
  }

  // Constraints

  public static PrimaryKeyDefinition primaryKey(String name, String... columns) {
    return new PrimaryKeyDefinition(name, Arrays.asList(columns));
  }

  /** A foreign key; complete it with {@code references(...)}. */
  public static ForeignKeyDefinition.Builder foreignKey(String name, String... columns) {
    return new ForeignKeyDefinition.Builder(name, Arrays.asList(columns));
  }

  public static UniqueDefinition unique(String name, String... columns) {
    return new UniqueDefinition(name, Arrays.asList(columns), false);
  }

  /** A check constraint; {@code expression} is SQL, such as {@code "price >= 0"}. */
  public static CheckDefinition check(String name, String expression) {
    return new CheckDefinition(name, expression);
  }

  /** A table in another schema, for {@code references(...)} and {@code enumColumn(...)}. */
  public static TableName table(String schema, String name) {
    return new TableName(schema, name);
  }

  // Indexes

  /** An index on columns; chain {@code asUnique()}, {@code where(...)}, {@code using("gin")}. */
  public static IndexDefinition index(String name, String... columns) {
    return new IndexDefinition(name, Arrays.stream(columns).map(Dsl::key).toList());
  }

  /** An index on keys built with {@link #key(String)} and {@link #expression(String)}. */
  public static IndexDefinition index(String name, IndexKeyDefinition... keys) {
    return new IndexDefinition(name, Arrays.asList(keys));
  }

  public static IndexKeyDefinition key(String column) {
    return new IndexKeyDefinition(column, null, false, null, null);
  }

  public static IndexKeyDefinition expression(String sql) {
    return new IndexKeyDefinition(null, sql, false, null, null);
  }

  /** A column of an enum type, for {@code replaceEnumType}. */
  public static EnumColumn enumColumn(String table, String column) {
    return new EnumColumn(new TableName(null, table), column, 0, null);
  }

  public static EnumColumn enumColumn(TableName table, String column) {
    return new EnumColumn(table, column, 0, null);
  }

  // Sequences

  public static SequenceSettings sequenceOptions() {
    return SequenceSettings.DEFAULTS;
  }

  // Data

  public static Rows rows(String... columns) {
    return new Rows(Arrays.asList(columns), List.of(), false);
  }

  /** SQL written verbatim as a value in {@link Rows}, such as {@code sql("now()")}. */
  public static SqlText sql(String expression) {
    return new SqlText(expression);
  }

  /**
   * A string as an SQL literal, for defaults: {@code withDefault(literal("it's"))}. Safe whatever
   * the session's {@code standard_conforming_strings}: a string holding a backslash becomes an
   * escape string ({@code E'...'}), so no value can end the literal early.
   */
  public static String literal(String value) {
    if (value == null) {
      return "NULL";
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("PostgreSQL text cannot contain a NUL character");
    }
    String doubled = value.replace("'", "''");
    if (value.indexOf('\\') >= 0) {
      return "E'" + doubled.replace("\\", "\\\\") + "'";
    }
    return "'" + doubled + "'";
  }
}
