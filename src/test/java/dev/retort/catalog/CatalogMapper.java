package dev.retort.catalog;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
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
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
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
    // Constraints and indexes by name: an order of Retort's own (SchemaCrawler sorts by a folded
    // name and by column lists), which the spelling canonicalizer keeps too.
    return new Table(
        name,
        columns,
        primaryKey(table),
        byName(foreignKeys(table), ForeignKey::name),
        byName(uniqueConstraints(table), UniqueConstraint::name),
        byName(checkConstraints(table), CheckConstraint::name),
        byName(indexes(table), Index::name),
        table.getRemarks().isEmpty() ? null : table.getRemarks(),
        table.getAttribute("PARTITION_KEY", (String) null));
  }

  private static <T> List<T> byName(List<T> items, Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }

  private Column column(schemacrawler.schema.Column column) {
    ColumnDetails details = ColumnDetails.decode(packed(column));
    String remarks = column.getRemarks();
    return new Column(
        column.getName(),
        type(details),
        column.isNullable(),
        scope.modelExpression(column.getDefaultValue()),
        identity(details),
        scope.modelExpression(details.generated()),
        details.collation(),
        remarks == null || remarks.isEmpty() ? null : remarks);
  }

  private static String packed(schemacrawler.schema.NamedObject object) {
    return ((schemacrawler.schema.AttributedObject) object).getAttribute("RETORT", "");
  }

  private SqlType type(ColumnDetails details) {
    SqlType parsed = SqlType.parse(details.type());
    if (details.userTypeName() == null) {
      return parsed;
    }
    return SqlType.userDefined(
        scope.modelName(details.userTypeSchema(), details.userTypeName()),
        parsed.arrayDimensions());
  }

  /** Identity options as PostgreSQL holds them, reduced to what differs from its defaults. */
  private static Identity identity(ColumnDetails details) {
    if (details.identity() == null) {
      return null;
    }
    ColumnDetails.IdentityOptions stored = details.identityOptions();
    SequenceOptions options =
        SequenceOptions.normalized(
            details.type(),
            stored.start(),
            stored.increment(),
            stored.min(),
            stored.max(),
            stored.cache(),
            stored.cycle());
    // pg_attribute.attidentity: 'a' for GENERATED ALWAYS, 'd' for BY DEFAULT.
    return new Identity("a".equals(details.identity()), options);
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
      IndexDetails details = IndexDetails.decode(packed(index));
      List<IndexKey> keys = new ArrayList<>();
      for (IndexDetails.Key detail : details.keys()) {
        IndexKey key =
            detail.expression() != null
                ? IndexKey.expression(scope.modelExpression(detail.expression()))
                : IndexKey.column(detail.column());
        if (detail.descending()) {
          key = key.desc();
        }
        key = key.nullsFirst(detail.nullsFirst());
        if (detail.opclass() != null) {
          key = key.withOpclass(detail.opclass());
        }
        keys.add(key);
      }
      String where = index.getFilterCondition();
      indexes.add(
          new Index(
              index.getName(),
              keys,
              index.isUnique(),
              details.method(),
              details.include(),
              where == null || where.isEmpty() ? null : scope.modelExpression(where),
              details.nullsNotDistinct()));
    }
    return indexes;
  }

  /** Standalone and serial sequences (the view leaves identity sequences to their column). */
  private Sequence sequence(schemacrawler.schema.Sequence sequence) {
    SequenceDetails details = SequenceDetails.decode(packed(sequence));
    SequenceOptions options =
        SequenceOptions.normalized(
            details.dataType(),
            sequence.getStartValue().longValueExact(),
            sequence.getIncrement(),
            sequence.getMinimumValue().longValueExact(),
            sequence.getMaximumValue().longValueExact(),
            details.cache(),
            sequence.isCycle());
    // A sequence is owned by a column of a table in its own schema.
    ColumnRef ownedBy =
        details.ownerTable() == null
            ? null
            : new ColumnRef(
                scope.modelName(sequence.getSchema().getName(), details.ownerTable()),
                details.ownerColumn());
    return new Sequence(
        scope.modelName(sequence.getSchema().getName(), sequence.getName()),
        details.dataType(),
        options,
        ownedBy);
  }
}
