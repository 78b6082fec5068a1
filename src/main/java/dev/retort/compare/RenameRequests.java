package dev.retort.compare;

import dev.retort.error.RetortException;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Renames the user confirmed with {@code --rename}: {@code old_table=new_table} renames a table,
 * {@code table.old=new} a column. They are resolved against the live schema, and applied to it
 * before comparing, so that constraints and indexes follow their columns as PostgreSQL's own rename
 * does.
 */
public record RenameRequests(
    Map<QualifiedName, String> tables, Map<QualifiedName, Map<String, String>> columns) {

  public static final RenameRequests NONE = new RenameRequests(Map.of(), Map.of());

  /**
   * Copies keep the order the renames were given in: it is the order of the generated operations.
   */
  public RenameRequests {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    Map<QualifiedName, Map<String, String>> copy = new LinkedHashMap<>();
    columns.forEach(
        (table, renames) ->
            copy.put(table, Collections.unmodifiableMap(new LinkedHashMap<>(renames))));
    columns = Collections.unmodifiableMap(copy);
  }

  /**
   * @param arguments {@code old=new} pairs as given on the command line
   * @param defaultSchema the name of the default schema, accepted as a qualifier
   */
  public static RenameRequests parse(List<String> arguments, Schema live, String defaultSchema) {
    Map<QualifiedName, String> tables = new LinkedHashMap<>();
    Map<QualifiedName, Map<String, String>> columns = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals <= 0 || equals == argument.length() - 1) {
        throw RetortException.invalidInput(
            "--rename " + argument + " is not OLD=NEW",
            "write --rename users.full_name=name or --rename old_table=new_table");
      }
      String old = argument.substring(0, equals).trim();
      String newName = argument.substring(equals + 1).trim();
      QualifiedName asTable = qualified(old, defaultSchema);
      if (live.table(asTable).isPresent()) {
        tables.put(asTable, newName);
        continue;
      }
      int dot = old.lastIndexOf('.');
      QualifiedName table = dot < 0 ? null : qualified(old.substring(0, dot), defaultSchema);
      if (table != null
          && live.table(table).flatMap(t -> t.column(old.substring(dot + 1))).isPresent()) {
        columns
            .computeIfAbsent(table, t -> new LinkedHashMap<>())
            .put(old.substring(dot + 1), newName);
        continue;
      }
      throw RetortException.invalidInput(
          "--rename " + argument + ": the database has no table or column " + old,
          "name a table (old_table=new_table) or a column (table.old=new) as they are now");
    }
    return new RenameRequests(tables, columns);
  }

  private static QualifiedName qualified(String name, String defaultSchema) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      return QualifiedName.of(name);
    }
    String schema = name.substring(0, dot);
    return new QualifiedName(schema.equals(defaultSchema) ? null : schema, name.substring(dot + 1));
  }

  public boolean isEmpty() {
    return tables.isEmpty() && columns.isEmpty();
  }

  /** The live schema as it is after the renames. */
  Schema apply(Schema live) {
    if (isEmpty()) {
      return live;
    }
    List<Table> renamed = new ArrayList<>();
    for (Table table : live.tables()) {
      Map<String, String> columnRenames = columns.getOrDefault(table.name(), Map.of());
      UnaryOperator<String> column = c -> columnRenames.getOrDefault(c, c);
      UnaryOperator<String> expression = sql -> SqlColumnRenamer.rename(sql, columnRenames);
      Table result =
          table
              .withName(renamedTable(table.name()))
              .withColumns(
                  table.columns().stream()
                      .map(
                          c ->
                              c.withName(column.apply(c.name()))
                                  .withGenerated(expression.apply(c.generated())))
                      .toList())
              .withPrimaryKey(
                  table.primaryKey() == null
                      ? null
                      : new PrimaryKey(
                          table.primaryKey().name(), names(table.primaryKey().columns(), column)))
              .withUniqueConstraints(
                  table.uniqueConstraints().stream()
                      .map(
                          u ->
                              new UniqueConstraint(
                                  u.name(), names(u.columns(), column), u.nullsNotDistinct()))
                      .toList())
              .withCheckConstraints(
                  table.checkConstraints().stream()
                      .map(k -> new CheckConstraint(k.name(), expression.apply(k.expression())))
                      .toList())
              .withIndexes(
                  table.indexes().stream().map(i -> renameKeys(i, column, expression)).toList());
      renamed.add(result);
    }
    // Foreign keys name columns of their own table and of the target table.
    List<Table> withKeys = new ArrayList<>();
    for (Table table : renamed) {
      QualifiedName original = originalName(table.name());
      Map<String, String> own = columns.getOrDefault(original, Map.of());
      withKeys.add(
          table.withForeignKeys(
              table.foreignKeys().stream()
                  .map(
                      fk -> {
                        Map<String, String> target = columns.getOrDefault(fk.target(), Map.of());
                        return new ForeignKey(
                            fk.name(),
                            names(fk.columns(), c -> own.getOrDefault(c, c)),
                            renamedTable(fk.target()),
                            names(fk.targetColumns(), c -> target.getOrDefault(c, c)),
                            fk.onDelete(),
                            fk.onUpdate(),
                            fk.deferrable(),
                            fk.initiallyDeferred());
                      })
                  .toList()));
    }
    return new Schema(withKeys, live.sequences(), live.enumTypes(), live.views());
  }

  QualifiedName renamedTable(QualifiedName name) {
    String renamed = tables.get(name);
    return renamed == null ? name : name.withName(renamed);
  }

  private QualifiedName originalName(QualifiedName renamed) {
    return tables.entrySet().stream()
        .filter(e -> renamed.equals(e.getKey().withName(e.getValue())))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(renamed);
  }

  private static List<String> names(List<String> names, UnaryOperator<String> rename) {
    return names.stream().map(rename).toList();
  }

  private static Index renameKeys(
      Index index, UnaryOperator<String> column, UnaryOperator<String> expression) {
    List<IndexKey> keys =
        index.keys().stream()
            .map(
                k ->
                    k.column() == null
                        ? new IndexKey(
                            null,
                            expression.apply(k.expression()),
                            k.descending(),
                            k.nullsFirst(),
                            k.opclass())
                        : new IndexKey(
                            column.apply(k.column()),
                            null,
                            k.descending(),
                            k.nullsFirst(),
                            k.opclass()))
            .toList();
    return new Index(
        index.name(),
        keys,
        index.unique(),
        index.method(),
        names(index.include(), column),
        expression.apply(index.where()),
        index.nullsNotDistinct());
  }

  /** The renamed column of a live column, if it was renamed. */
  String renamedColumn(QualifiedName table, String column) {
    return columns.getOrDefault(table, Map.of()).getOrDefault(column, column);
  }

  /** Columns of a live table that were renamed (old to new). */
  Map<String, String> columnRenames(QualifiedName table) {
    return columns.getOrDefault(table, Map.of());
  }

  static boolean sameShape(Column a, Column b) {
    return TypeChanges.equivalent(a.type(), b.type())
        && a.nullable() == b.nullable()
        && DefaultExpressions.equivalent(a.defaultValue(), b.defaultValue())
        && Objects.equals(a.identity(), b.identity())
        && Objects.equals(a.generated(), b.generated());
  }
}
