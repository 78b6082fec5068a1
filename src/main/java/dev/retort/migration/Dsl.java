package dev.retort.migration;

import dev.retort.operation.ColumnChange;
import dev.retort.operation.EnumColumn;
import dev.retort.operation.Rows;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.SqlExpression;
import dev.retort.schema.SqlType;
import dev.retort.schema.UniqueConstraint;
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

  public static Column column(String name, SqlType type) {
    return Column.of(name, type);
  }

  /** A column change for {@link Operations#alterColumn}; chain what changes. */
  public static ColumnChange change() {
    return ColumnChange.NONE;
  }

  public static Identity identity() {
    return Identity.generatedByDefault();
  }

  public static Identity identityAlways() {
    return Identity.generatedAlways();
  }

  // Types

  public static SqlType smallint() {
    return SqlType.of("smallint");
  }

  public static SqlType integer() {
    return SqlType.of("integer");
  }

  public static SqlType bigint() {
    return SqlType.of("bigint");
  }

  public static SqlType bool() {
    return SqlType.of("boolean");
  }

  public static SqlType real() {
    return SqlType.of("real");
  }

  public static SqlType doublePrecision() {
    return SqlType.of("double precision");
  }

  public static SqlType numeric() {
    return SqlType.of("numeric");
  }

  public static SqlType numeric(int precision, int scale) {
    return SqlType.of("numeric(" + precision + "," + scale + ")");
  }

  public static SqlType text() {
    return SqlType.of("text");
  }

  public static SqlType varchar() {
    return SqlType.of("character varying");
  }

  public static SqlType varchar(int length) {
    return SqlType.of("character varying(" + length + ")");
  }

  public static SqlType character(int length) {
    return SqlType.of("character(" + length + ")");
  }

  public static SqlType bytea() {
    return SqlType.of("bytea");
  }

  public static SqlType uuid() {
    return SqlType.of("uuid");
  }

  public static SqlType json() {
    return SqlType.of("json");
  }

  public static SqlType jsonb() {
    return SqlType.of("jsonb");
  }

  public static SqlType date() {
    return SqlType.of("date");
  }

  public static SqlType time() {
    return SqlType.of("time without time zone");
  }

  public static SqlType time(int precision) {
    return SqlType.of("time(" + precision + ") without time zone");
  }

  public static SqlType timestamp() {
    return SqlType.of("timestamp without time zone");
  }

  public static SqlType timestamp(int precision) {
    return SqlType.of("timestamp(" + precision + ") without time zone");
  }

  public static SqlType timestamptz() {
    return SqlType.of("timestamp with time zone");
  }

  public static SqlType timestamptz(int precision) {
    return SqlType.of("timestamp(" + precision + ") with time zone");
  }

  public static SqlType interval() {
    return SqlType.of("interval");
  }

  public static SqlType oid() {
    return SqlType.of("oid");
  }

  /** An enum (or other user-defined) type in the default schema. */
  public static SqlType enumType(String name) {
    return SqlType.userDefined(QualifiedName.of(name), 0);
  }

  public static SqlType enumType(String schema, String name) {
    return SqlType.userDefined(QualifiedName.of(schema, name), 0);
  }

  /** A one-dimensional array of {@code element}. */
  public static SqlType arrayOf(SqlType element) {
    if (element.isUserDefined()) {
      return SqlType.userDefined(element.userDefined(), element.arrayDimensions() + 1);
    }
    return SqlType.of(element.sql() + "[]");
  }

  /** Any other type, spelled as PostgreSQL's {@code format_type} prints it. */
  public static SqlType type(String sql) {
    return SqlType.of(sql);
  }

  // Constraints

  public static PrimaryKey primaryKey(String name, String... columns) {
    return new PrimaryKey(name, Arrays.asList(columns));
  }

  /** A foreign key; complete it with {@code references(...)}. */
  public static ForeignKeyBuilder foreignKey(String name, String... columns) {
    return new ForeignKeyBuilder(name, Arrays.asList(columns));
  }

  public static UniqueConstraint unique(String name, String... columns) {
    return new UniqueConstraint(name, Arrays.asList(columns), false);
  }

  /** A check constraint; {@code expression} is SQL, such as {@code "price >= 0"}. */
  public static CheckConstraint check(String name, String expression) {
    return new CheckConstraint(name, expression);
  }

  /** The first half of a foreign key: its name and columns. */
  public static final class ForeignKeyBuilder {
    private final String name;
    private final List<String> columns;

    ForeignKeyBuilder(String name, List<String> columns) {
      this.name = name;
      this.columns = columns;
    }

    public ForeignKey references(String table, String... columns) {
      return ForeignKey.of(name, this.columns, QualifiedName.of(table), Arrays.asList(columns));
    }

    public ForeignKey references(QualifiedName table, String... columns) {
      return ForeignKey.of(name, this.columns, table, Arrays.asList(columns));
    }
  }

  /** A table in another schema, for {@code references(...)}. */
  public static QualifiedName table(String schema, String name) {
    return QualifiedName.of(schema, name);
  }

  // Indexes

  /** An index on columns; chain {@code asUnique()}, {@code where(...)}, {@code using("gin")}. */
  public static Index index(String name, String... columns) {
    return Index.on(name, Arrays.stream(columns).map(IndexKey::column).toList());
  }

  /** An index on keys built with {@link #key(String)} and {@link #expression(String)}. */
  public static Index index(String name, IndexKey... keys) {
    return Index.on(name, Arrays.asList(keys));
  }

  public static IndexKey key(String column) {
    return IndexKey.column(column);
  }

  public static IndexKey expression(String sql) {
    return IndexKey.expression(sql);
  }

  /** A column of an enum type, for {@code replaceEnumType}. */
  public static EnumColumn enumColumn(String table, String column) {
    return new EnumColumn(QualifiedName.of(table), column, 0, null);
  }

  public static EnumColumn enumColumn(QualifiedName table, String column) {
    return new EnumColumn(table, column, 0, null);
  }

  // Sequences

  public static SequenceOptions sequenceOptions() {
    return SequenceOptions.DEFAULTS;
  }

  // Data

  public static Rows rows(String... columns) {
    return Rows.of(columns);
  }

  /** SQL written verbatim as a value in {@link Rows}, such as {@code sql("now()")}. */
  public static SqlExpression sql(String expression) {
    return new SqlExpression(expression);
  }

  /** A string as an SQL literal, for defaults: {@code withDefault(literal("it's"))}. */
  public static String literal(String value) {
    return dev.retort.postgres.Literals.string(value);
  }
}
