package dev.retort.operation;

import dev.retort.migration.CheckDefinition;
import dev.retort.migration.ColumnAlteration;
import dev.retort.migration.ColumnDefinition;
import dev.retort.migration.ColumnType;
import dev.retort.migration.ConstraintDefinition;
import dev.retort.migration.ForeignKeyDefinition;
import dev.retort.migration.IdentityDefinition;
import dev.retort.migration.IndexDefinition;
import dev.retort.migration.IndexKeyDefinition;
import dev.retort.migration.PrimaryKeyDefinition;
import dev.retort.migration.SequenceSettings;
import dev.retort.migration.SqlText;
import dev.retort.migration.TableName;
import dev.retort.migration.UniqueDefinition;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
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
import java.util.ArrayList;
import java.util.List;

/**
 * What a migration builds with the public DSL, as the model's records. The one place that reads the
 * API types: the model can change without breaking a compiled migration, and the API never exposes
 * the model.
 */
final class ApiModel {

  private ApiModel() {}

  static SqlType type(ColumnType type) {
    SqlType base;
    if (type.isEnum()) {
      base = SqlType.userDefined(new QualifiedName(type.enumSchema(), type.name()), 0);
    } else if (type.modifiers() != null) {
      base = SqlType.builtin(type.name(), type.modifiers());
    } else {
      base = SqlType.parse(type.name());
    }
    return base.withArrayDimensions(base.arrayDimensions() + type.arrayDimensions());
  }

  static Column column(ColumnDefinition column) {
    return new Column(
        column.name(),
        type(column.type()),
        column.nullable(),
        column.defaultValue(),
        identity(column.identity()),
        column.generated(),
        column.collation(),
        column.comment());
  }

  static Identity identity(IdentityDefinition identity) {
    return identity == null ? null : new Identity(identity.always(), options(identity.options()));
  }

  static SequenceOptions options(SequenceSettings options) {
    return new SequenceOptions(
        options.start(),
        options.increment(),
        options.minValue(),
        options.maxValue(),
        options.cache(),
        options.cycle());
  }

  /** A table named in the DSL: unqualified means the default schema, even in {@code inSchema}. */
  static QualifiedName table(TableName table) {
    return new QualifiedName(table.schema(), table.name());
  }

  static Constraint constraint(ConstraintDefinition constraint) {
    if (constraint instanceof PrimaryKeyDefinition key) {
      return new PrimaryKey(key.name(), key.columns());
    }
    if (constraint instanceof UniqueDefinition unique) {
      return new UniqueConstraint(unique.name(), unique.columns(), unique.nullsNotDistinct());
    }
    if (constraint instanceof CheckDefinition check) {
      return new CheckConstraint(check.name(), check.expression());
    }
    ForeignKeyDefinition key = (ForeignKeyDefinition) constraint;
    return new ForeignKey(
        key.name(),
        key.columns(),
        table(key.target()),
        key.targetColumns(),
        ReferentialAction.valueOf(key.onDelete().name()),
        ReferentialAction.valueOf(key.onUpdate().name()),
        key.deferrable(),
        key.initiallyDeferred());
  }

  static Index index(IndexDefinition index) {
    List<IndexKey> keys = new ArrayList<>();
    for (IndexKeyDefinition key : index.keys()) {
      IndexKey model =
          key.column() != null
              ? IndexKey.column(key.column())
              : IndexKey.expression(key.expression());
      if (key.descending()) {
        model = model.desc();
      }
      if (key.nullsFirst() != null) {
        model = model.nullsFirst(key.nullsFirst());
      }
      keys.add(key.opclass() == null ? model : model.withOpclass(key.opclass()));
    }
    return new Index(
        index.name(),
        keys,
        index.unique(),
        index.method(),
        index.include(),
        index.where(),
        index.nullsNotDistinct());
  }

  static ColumnChange change(ColumnAlteration change) {
    ColumnChange model = ColumnChange.NONE;
    if (change.changesType() || change.usingExpression() != null) {
      model =
          model.withType(
              change.changesType() ? Change.to(type(change.newType())) : null,
              change.usingExpression(),
              null);
    }
    if (change.changesNullability()) {
      model = model.withNullable(Change.to(change.nullable()));
    }
    if (change.changesDefault()) {
      model = model.withDefault(Change.to(change.newDefault()));
    }
    if (change.changesIdentity()) {
      Identity to = identity(change.newIdentity());
      model =
          model.withIdentity(
              change.statesPreviousIdentity()
                  ? Change.of(identity(change.previousIdentity()), to)
                  : Change.to(to));
    }
    if (change.changesCollation()) {
      model = model.withCollation(Change.to(change.newCollation()));
    }
    if (change.changesComment()) {
      model = model.withComment(Change.to(change.newComment()));
    }
    return model;
  }

  static EnumColumn enumColumn(dev.retort.migration.EnumColumn column) {
    return new EnumColumn(
        table(column.table()), column.column(), column.arrayDimensions(), column.defaultValue());
  }

  static Rows rows(dev.retort.migration.Rows rows) {
    List<List<Object>> values = new ArrayList<>();
    for (List<Object> row : rows.values()) {
      values.add(row.stream().map(ApiModel::value).toList());
    }
    return new Rows(rows.columns(), values, rows.ignoreConflicts());
  }

  /** A row value: {@code sql("now()")} becomes the model's expression, anything else stays. */
  private static Object value(Object value) {
    return value instanceof SqlText text ? new SqlExpression(text.sql()) : value;
  }
}
