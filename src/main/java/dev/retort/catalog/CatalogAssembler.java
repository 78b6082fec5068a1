package dev.retort.catalog;

import dev.retort.catalog.CatalogRows.ColumnRow;
import dev.retort.catalog.CatalogRows.ConstraintRow;
import dev.retort.catalog.CatalogRows.EnumRow;
import dev.retort.catalog.CatalogRows.IndexRow;
import dev.retort.catalog.CatalogRows.Relation;
import dev.retort.catalog.CatalogRows.SequenceRow;
import dev.retort.catalog.CatalogRows.SequenceValues;
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
import java.util.stream.Stream;

/**
 * Builds the schema model from the catalog's rows, naming things as the scope says: schemas by
 * their model names, expressions in their stable spelling ({@link CatalogScope#modelExpression}),
 * the version table and the tables include/exclude leave out ignored (views are always listed).
 * Comments, defaults and predicates lose surrounding white space, as they always were read.
 */
final class CatalogAssembler {

  private final CatalogScope scope;

  CatalogAssembler(CatalogScope scope) {
    this.scope = scope;
  }

  Schema schema(CatalogRows rows) {
    List<Table> tables = new ArrayList<>();
    List<View> views = new ArrayList<>();
    for (Relation relation : rows.relations()) {
      QualifiedName name = scope.modelName(relation.schema(), relation.name());
      if (relation.isView()) {
        views.add(new View(name, relation.kind() == 'm'));
      } else if (!scope.isIgnored(name)) {
        tables.add(table(relation, name, rows));
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (SequenceRow sequence : rows.sequences()) {
      sequences.add(sequence(sequence));
    }
    List<EnumType> enums = new ArrayList<>();
    for (EnumRow type : rows.enums()) {
      enums.add(new EnumType(scope.modelName(type.schema(), type.name()), type.values()));
    }
    return new Schema(tables, sequences, enums, views);
  }

  private Table table(Relation relation, QualifiedName name, CatalogRows rows) {
    List<Column> columns = new ArrayList<>();
    for (ColumnRow column : rows.columns().getOrDefault(relation.oid(), List.of())) {
      columns.add(column(column));
    }
    PrimaryKey primaryKey = null;
    List<ConstraintRow> foreignKeys = new ArrayList<>();
    List<ConstraintRow> uniques = new ArrayList<>();
    List<ConstraintRow> checks = new ArrayList<>();
    for (ConstraintRow constraint : rows.constraints().getOrDefault(relation.oid(), List.of())) {
      switch (constraint.type()) {
        case 'p':
          primaryKey = new PrimaryKey(constraint.name(), constraint.columns());
          break;
        case 'f':
          foreignKeys.add(constraint);
          break;
        case 'u':
          uniques.add(constraint);
          break;
        default:
          checks.add(constraint);
          break;
      }
    }
    List<IndexRow> indexes = rows.indexes().getOrDefault(relation.oid(), List.of());
    // Constraints and indexes by name: an order of Retort's own, which the spelling canonicalizer
    // keeps too (a new table's constraints and indexes are created in it).
    return new Table(
        name,
        columns,
        primaryKey,
        byName(foreignKeys.stream().map(this::foreignKey), ForeignKey::name),
        byName(uniques.stream().map(CatalogAssembler::unique), UniqueConstraint::name),
        byName(checks.stream().map(this::check), CheckConstraint::name),
        byName(indexes.stream().map(this::index), Index::name),
        stripped(relation.comment()),
        relation.partitionKey());
  }

  private static <T> List<T> byName(Stream<T> items, Function<T, String> name) {
    return items.sorted(Comparator.comparing(name)).toList();
  }

  private Column column(ColumnRow column) {
    return new Column(
        column.name(),
        type(column),
        !column.notNull(),
        column.generated() ? null : scope.modelExpression(stripped(column.expression())),
        identity(column),
        column.generated() ? scope.modelExpression(column.expression()) : null,
        column.collation(),
        stripped(column.comment()));
  }

  private SqlType type(ColumnRow column) {
    SqlType parsed = SqlType.parse(column.type());
    if (column.userTypeName() == null) {
      return parsed;
    }
    return SqlType.userDefined(
        scope.modelName(column.userTypeSchema(), column.userTypeName()), parsed.arrayDimensions());
  }

  /** Identity options as PostgreSQL holds them, reduced to what differs from its defaults. */
  private static Identity identity(ColumnRow column) {
    if (column.identity() == null) {
      return null;
    }
    // pg_attribute.attidentity: 'a' for GENERATED ALWAYS, 'd' for BY DEFAULT.
    return new Identity(
        "a".equals(column.identity()), options(column.type(), column.identitySequence()));
  }

  private static SequenceOptions options(String dataType, SequenceValues values) {
    return SequenceOptions.normalized(
        dataType,
        values.start(),
        values.increment(),
        values.min(),
        values.max(),
        values.cache(),
        values.cycle());
  }

  private ForeignKey foreignKey(ConstraintRow key) {
    return new ForeignKey(
        key.name(),
        key.columns(),
        scope.modelName(key.targetSchema(), key.targetTable()),
        key.targetColumns(),
        action(key.onDelete()),
        action(key.onUpdate()),
        key.deferrable(),
        key.initiallyDeferred());
  }

  /** {@code confdeltype}/{@code confupdtype}: 'a' (no action) is the default. */
  private static ReferentialAction action(char code) {
    switch (code) {
      case 'c':
        return ReferentialAction.CASCADE;
      case 'r':
        return ReferentialAction.RESTRICT;
      case 'n':
        return ReferentialAction.SET_NULL;
      case 'd':
        return ReferentialAction.SET_DEFAULT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  private static UniqueConstraint unique(ConstraintRow constraint) {
    return new UniqueConstraint(
        constraint.name(),
        constraint.columns(),
        constraint.definition().startsWith("UNIQUE NULLS NOT DISTINCT"));
  }

  private CheckConstraint check(ConstraintRow constraint) {
    return new CheckConstraint(
        constraint.name(), scope.modelExpression(checkExpression(constraint.definition())));
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

  private Index index(IndexRow index) {
    List<IndexKey> keys = new ArrayList<>();
    for (int i = 0; i < index.columns().size(); i++) {
      String expression = index.expressions().get(i);
      IndexKey key =
          expression.isEmpty()
              ? IndexKey.column(index.columns().get(i))
              : IndexKey.expression(scope.modelExpression(expression));
      if (Boolean.TRUE.equals(index.descending().get(i))) {
        key = key.desc();
      }
      key = key.nullsFirst(Boolean.TRUE.equals(index.nullsFirst().get(i)));
      String opclass = index.opclasses().get(i);
      if (opclass != null && !opclass.isEmpty()) {
        key = key.withOpclass(opclass);
      }
      keys.add(key);
    }
    String where = stripped(index.where());
    return new Index(
        index.name(),
        keys,
        index.unique(),
        index.method(),
        index.include(),
        where == null ? null : scope.modelExpression(where),
        index.nullsNotDistinct());
  }

  /** Standalone and serial sequences (identity ones belong to their column). */
  private Sequence sequence(SequenceRow sequence) {
    // A sequence is owned by a column of a table in its own schema.
    ColumnRef ownedBy =
        sequence.ownerTable() == null
            ? null
            : new ColumnRef(
                scope.modelName(sequence.schema(), sequence.ownerTable()), sequence.ownerColumn());
    return new Sequence(
        scope.modelName(sequence.schema(), sequence.name()),
        sequence.dataType(),
        options(sequence.dataType(), sequence.values()),
        ownedBy);
  }

  /** Null for nothing but white space. */
  private static String stripped(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    return value.isEmpty() ? null : value;
  }
}
