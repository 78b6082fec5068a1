package dev.retort.catalog;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.schema.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKeyDeferrability;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schema.TableConstraint;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schema.TableConstraintType;

/** Turns SchemaCrawler's catalog into Retort's schema model, naming things as the scope says. */
final class CatalogMapper {

  private final CatalogScope scope;

  CatalogMapper(CatalogScope scope) {
    this.scope = scope;
  }

  Schema map(Catalog catalog, List<EnumType> enumTypes) {
    List<Table> tables = new ArrayList<>();
    List<View> views = new ArrayList<>();
    for (schemacrawler.schema.Table table : catalog.getTables()) {
      QualifiedName name = scope.modelName(table.getSchema().getName(), table.getName());
      String type = table.getTableType().getTableType();
      if (type.contains("VIEW")) {
        views.add(new View(name, type.contains("MATERIALIZED")));
      } else if (!scope.isIgnored(name)) {
        tables.add(table(table, name));
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (schemacrawler.schema.Sequence sequence : catalog.getSequences()) {
      sequences.add(sequence(sequence));
    }
    return new Schema(tables, sequences, enumTypes, views);
  }

  private Table table(schemacrawler.schema.Table table, QualifiedName name) {
    List<Column> columns = new ArrayList<>();
    for (schemacrawler.schema.Column column : table.getColumns()) {
      columns.add(column(column));
    }
    return new Table(
        name,
        columns,
        primaryKey(table),
        foreignKeys(table),
        uniqueConstraints(table),
        checkConstraints(table),
        indexes(table),
        table.getRemarks().isEmpty() ? null : table.getRemarks(),
        table.getAttribute("PARTITION_KEY", (String) null));
  }

  /** The column details the TABLE_COLUMNS view packs into RETORT, in its order. */
  private static final int TYPE = 0;

  private static final int USER_TYPE_SCHEMA = 1;
  private static final int USER_TYPE_NAME = 2;
  private static final int IDENTITY = 3;
  private static final int IDENTITY_START = 4;
  private static final int GENERATED = 10;
  private static final int COLLATION = 11;

  private Column column(schemacrawler.schema.Column column) {
    String[] details = packed(column);
    String remarks = column.getRemarks();
    return new Column(
        column.getName(),
        type(details),
        column.isNullable(),
        scope.modelExpression(column.getDefaultValue()),
        identity(details),
        scope.modelExpression(emptyToNull(details[GENERATED])),
        emptyToNull(details[COLLATION]),
        remarks == null || remarks.isEmpty() ? null : remarks);
  }

  private static String[] packed(schemacrawler.schema.NamedObject object) {
    String packed = ((schemacrawler.schema.AttributedObject) object).getAttribute("RETORT", "");
    return packed.split(PostgresCatalogViews.SEPARATOR, -1);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private SqlType type(String[] details) {
    String formatted = details[TYPE];
    SqlType parsed = SqlType.parse(formatted);
    if (details[USER_TYPE_NAME].isEmpty()) {
      return parsed;
    }
    return SqlType.userDefined(
        scope.modelName(details[USER_TYPE_SCHEMA], details[USER_TYPE_NAME]),
        parsed.arrayDimensions());
  }

  /** Identity options as PostgreSQL holds them, reduced to what differs from its defaults. */
  private static Identity identity(String[] details) {
    if (details[IDENTITY].isEmpty()) {
      return null;
    }
    SequenceOptions options =
        SequenceOptions.normalized(
            details[TYPE],
            number(details[IDENTITY_START]),
            number(details[IDENTITY_START + 1]),
            number(details[IDENTITY_START + 2]),
            number(details[IDENTITY_START + 3]),
            number(details[IDENTITY_START + 4]),
            "true".equals(details[IDENTITY_START + 5]));
    return new Identity("a".equals(details[IDENTITY]), options);
  }

  private static long number(String text) {
    return Long.parseLong(text.trim());
  }

  private static PrimaryKey primaryKey(schemacrawler.schema.Table table) {
    schemacrawler.schema.PrimaryKey key = table.getPrimaryKey();
    if (key == null) {
      return null;
    }
    return new PrimaryKey(key.getName(), constrainedColumns(key));
  }

  private static List<String> constrainedColumns(TableConstraint constraint) {
    return constraint.getConstrainedColumns().stream()
        .sorted(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition))
        .map(TableConstraintColumn::getName)
        .toList();
  }

  private List<ForeignKey> foreignKeys(schemacrawler.schema.Table table) {
    List<ForeignKey> keys = new ArrayList<>();
    for (schemacrawler.schema.ForeignKey key : table.getImportedForeignKeys()) {
      List<ColumnReference> references =
          key.getColumnReferences().stream()
              .sorted(Comparator.comparingInt(ColumnReference::getKeySequence))
              .toList();
      schemacrawler.schema.Table target = key.getPrimaryKeyTable();
      ForeignKeyDeferrability deferrability = key.getDeferrability();
      keys.add(
          new ForeignKey(
              key.getName(),
              references.stream().map(r -> r.getForeignKeyColumn().getName()).toList(),
              scope.modelName(target.getSchema().getName(), target.getName()),
              references.stream().map(r -> r.getPrimaryKeyColumn().getName()).toList(),
              action(key.getDeleteRule()),
              action(key.getUpdateRule()),
              deferrability != ForeignKeyDeferrability.keyNotDeferrable,
              deferrability == ForeignKeyDeferrability.initiallyDeferred));
    }
    return keys;
  }

  private static ReferentialAction action(ForeignKeyUpdateRule rule) {
    switch (rule) {
      case cascade:
        return ReferentialAction.CASCADE;
      case restrict:
        return ReferentialAction.RESTRICT;
      case setNull:
        return ReferentialAction.SET_NULL;
      case setDefault:
        return ReferentialAction.SET_DEFAULT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  private static List<UniqueConstraint> uniqueConstraints(schemacrawler.schema.Table table) {
    List<UniqueConstraint> uniques = new ArrayList<>();
    for (TableConstraint constraint : table.getTableConstraints()) {
      if (constraint.getType() == TableConstraintType.unique) {
        String definition = constraint.getAttribute("CONSTRAINT_DEFINITION", "");
        uniques.add(
            new UniqueConstraint(
                constraint.getName(),
                constrainedColumns(constraint),
                definition.startsWith("UNIQUE NULLS NOT DISTINCT")));
      }
    }
    return uniques;
  }

  /**
   * Check definitions come from TABLE_CONSTRAINTS' per-table CONSTRAINT_DEFINITION, because
   * SchemaCrawler loses both definitions when two checks in one schema share a name.
   */
  private List<CheckConstraint> checkConstraints(schemacrawler.schema.Table table) {
    List<CheckConstraint> checks = new ArrayList<>();
    for (TableConstraint constraint : table.getTableConstraints()) {
      if (constraint.getType() == TableConstraintType.check) {
        String definition = constraint.getAttribute("CONSTRAINT_DEFINITION", "");
        checks.add(
            new CheckConstraint(
                constraint.getName(), scope.modelExpression(checkExpression(definition))));
      }
    }
    return checks;
  }

  /** {@code CHECK ((price > 0)) NOT VALID} becomes {@code (price > 0)}. */
  static String checkExpression(String definition) {
    String text = definition.strip();
    for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
      if (text.endsWith(suffix)) {
        text = text.substring(0, text.length() - suffix.length()).strip();
      }
    }
    if (text.startsWith("CHECK (") && text.endsWith(")")) {
      text = text.substring("CHECK (".length(), text.length() - 1);
    }
    return text;
  }

  private List<Index> indexes(schemacrawler.schema.Table table) {
    List<Index> indexes = new ArrayList<>();
    for (schemacrawler.schema.Index index : table.getIndexes()) {
      // method, NULLS NOT DISTINCT, keys, key options, INCLUDE columns (see the INDEXES view)
      String[] details = index.getAttribute("RETORT", "").split("\u001e", -1);
      String[] names = split(details[2]);
      String[] options = split(details[3]);
      List<IndexKey> keys = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        String kind = names[i].substring(0, 2);
        String text = names[i].substring(2);
        IndexKey key =
            kind.equals("E:")
                ? IndexKey.expression(scope.modelExpression(text))
                : IndexKey.column(text);
        String option = i < options.length ? options[i] : "AL:";
        boolean descending = option.charAt(0) == 'D';
        boolean nullsFirst = option.charAt(1) == 'F';
        String opclass = option.substring(3);
        if (descending) {
          key = key.desc();
        }
        key = key.nullsFirst(nullsFirst);
        if (!opclass.isEmpty()) {
          key = key.withOpclass(opclass);
        }
        keys.add(key);
      }
      String include = details[4];
      String where = index.getFilterCondition();
      indexes.add(
          new Index(
              index.getName(),
              keys,
              index.isUnique(),
              details[0],
              include.isEmpty() ? List.of() : Arrays.asList(split(include)),
              where == null || where.isEmpty() ? null : scope.modelExpression(where),
              "true".equals(details[1])));
    }
    return indexes;
  }

  private static String[] split(String joined) {
    return joined.isEmpty() ? new String[0] : joined.split(PostgresCatalogViews.SEPARATOR, -1);
  }

  /** Standalone and serial sequences (the view leaves identity sequences to their column). */
  private Sequence sequence(schemacrawler.schema.Sequence sequence) {
    // cache, data type, owning table, owning column (see the SEQUENCES view)
    String[] details = packed(sequence);
    String dataType = details[1];
    SequenceOptions options =
        SequenceOptions.normalized(
            dataType,
            sequence.getStartValue().longValueExact(),
            sequence.getIncrement(),
            sequence.getMinimumValue().longValueExact(),
            sequence.getMaximumValue().longValueExact(),
            number(details[0]),
            sequence.isCycle());
    String ownedBy = details[2].isEmpty() ? null : details[2] + "." + details[3];
    return new Sequence(
        scope.modelName(sequence.getSchema().getName(), sequence.getName()),
        dataType,
        options,
        ownedBy);
  }
}
