package dev.retort.operation;

import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SqlType;
import java.util.List;
import java.util.Map;

/**
 * @param existing the dropped column, when known; needed to reverse.
 */
public record DropColumn(QualifiedName table, String column, Column existing) implements Operation {

  /** Values of the common types that every row can take while a NOT NULL column comes back. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.ofEntries(
          Map.entry("smallint", "0"),
          Map.entry("integer", "0"),
          Map.entry("bigint", "0"),
          Map.entry("numeric", "0"),
          Map.entry("real", "0"),
          Map.entry("double precision", "0"),
          Map.entry("boolean", "false"),
          Map.entry("text", "''"),
          Map.entry("character varying", "''"),
          Map.entry("character", "''"),
          Map.entry("bytea", "''::bytea"),
          Map.entry("uuid", "'00000000-0000-0000-0000-000000000000'::uuid"),
          Map.entry("json", "'{}'::json"),
          Map.entry("jsonb", "'{}'::jsonb"),
          Map.entry("date", "'epoch'::date"),
          Map.entry("timestamp without time zone", "'epoch'::timestamp"),
          Map.entry("timestamp with time zone", "'epoch'::timestamptz"),
          Map.entry("interval", "'0'::interval"),
          Map.entry("time without time zone", "'00:00'::time"));

  /**
   * Re-adds the column. A NOT NULL column without a default cannot come back on a table with rows,
   * so it is added with a placeholder value that fills the rows and is dropped again at once; the
   * table ends up as it was, without the lost values.
   */
  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(Irreversible.unknownState("column " + table + "." + column + " was dropped"));
    }
    String placeholder = placeholder(existing.type());
    if (existing.nullable()
        || existing.defaultValue() != null
        || existing.identity() != null
        || existing.generated() != null
        || placeholder == null) {
      return List.of(new AddColumn(table, existing));
    }
    return List.of(
        new Comment(
            table
                + "."
                + column
                + " comes back NOT NULL without its values: a placeholder default ("
                + placeholder
                + ") fills the existing rows, then goes"),
        new AddColumn(table, existing.withDefault(placeholder)),
        new AlterColumn(
            table, existing.name(), ColumnChange.NONE.withDefault(Change.of(placeholder, null))));
  }

  /** The placeholder a NOT NULL column of this type comes back with, if it has one. */
  static String placeholder(SqlType type) {
    return type.isArray() || type.isUserDefined() ? null : PLACEHOLDERS.get(type.name());
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
