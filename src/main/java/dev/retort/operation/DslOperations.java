package dev.retort.operation;

import dev.retort.migration.CheckDefinition;
import dev.retort.migration.ColumnAlteration;
import dev.retort.migration.ColumnDefinition;
import dev.retort.migration.ConstraintDefinition;
import dev.retort.migration.ForeignKeyDefinition;
import dev.retort.migration.IndexDefinition;
import dev.retort.migration.Operations;
import dev.retort.migration.PrimaryKeyDefinition;
import dev.retort.migration.SequenceSettings;
import dev.retort.migration.TableElement;
import dev.retort.migration.UniqueDefinition;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link Operations} a migration receives: each call becomes one {@link Operation} record,
 * handed to the sink at once, so a data migration's {@code connection()} sees every earlier step.
 */
public final class DslOperations implements Operations {

  private final String schema;
  private final OperationSink sink;

  public DslOperations(OperationSink sink) {
    this(null, sink);
  }

  private DslOperations(String schema, OperationSink sink) {
    this.schema = schema;
    this.sink = sink;
  }

  private QualifiedName name(String name) {
    return new QualifiedName(schema, name);
  }

  private void emit(Operation operation) {
    sink.accept(operation);
  }

  @Override
  public Operations inSchema(String newSchema) {
    return new DslOperations(newSchema, sink);
  }

  @Override
  public void createSchema(String name) {
    emit(new CreateSchema(name, false));
  }

  @Override
  public void dropSchema(String name) {
    emit(new DropSchema(name, false));
  }

  @Override
  public void createTable(String table, TableElement... elements) {
    List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey = null;
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    for (TableElement element : elements) {
      if (element instanceof ColumnDefinition column) {
        columns.add(ApiModel.column(column));
      } else if (element instanceof PrimaryKeyDefinition key) {
        if (primaryKey != null) {
          throw new IllegalArgumentException("table " + table + " has two primary keys");
        }
        primaryKey = (PrimaryKey) ApiModel.constraint(key);
      } else if (element instanceof ForeignKeyDefinition key) {
        foreignKeys.add((ForeignKey) ApiModel.constraint(key));
      } else if (element instanceof UniqueDefinition unique) {
        uniques.add((UniqueConstraint) ApiModel.constraint(unique));
      } else {
        checks.add((CheckConstraint) ApiModel.constraint((CheckDefinition) element));
      }
    }
    emit(
        new CreateTable(
            new Table(
                name(table),
                columns,
                primaryKey,
                foreignKeys,
                uniques,
                checks,
                List.of(),
                null,
                null)));
  }

  @Override
  public void dropTable(String table) {
    emit(new DropTable(name(table), null, List.of()));
  }

  @Override
  public void renameTable(String table, String newName) {
    emit(new RenameTable(name(table), newName));
  }

  @Override
  public void setTableComment(String table, String comment) {
    emit(new SetTableComment(name(table), Change.to(comment)));
  }

  @Override
  public void addColumn(String table, ColumnDefinition column) {
    emit(new AddColumn(name(table), ApiModel.column(column)));
  }

  @Override
  public void dropColumn(String table, String column) {
    emit(new DropColumn(name(table), column, null));
  }

  @Override
  public void renameColumn(String table, String column, String newName) {
    emit(new RenameColumn(name(table), column, newName));
  }

  @Override
  public void alterColumn(String table, String column, ColumnAlteration change) {
    if (change.isEmpty()) {
      throw new IllegalArgumentException(
          "alterColumn on " + table + "." + column + " changes nothing");
    }
    emit(new AlterColumn(name(table), column, ApiModel.change(change)));
  }

  @Override
  public void setColumnComment(String table, String column, String comment) {
    emit(new AlterColumn(name(table), column, ColumnChange.NONE.comment(comment)));
  }

  @Override
  public void createIndex(String table, IndexDefinition index) {
    emit(new CreateIndex(name(table), ApiModel.index(index), false));
  }

  @Override
  public void createIndexConcurrently(String table, IndexDefinition index) {
    emit(new CreateIndex(name(table), ApiModel.index(index), true));
  }

  @Override
  public void dropIndex(String index) {
    emit(new DropIndex(name(index), false, null, null));
  }

  @Override
  public void dropIndexConcurrently(String index) {
    emit(new DropIndex(name(index), true, null, null));
  }

  @Override
  public void addConstraint(String table, ConstraintDefinition constraint) {
    emit(new AddConstraint(name(table), ApiModel.constraint(constraint), false));
  }

  @Override
  public void addConstraintNotValid(String table, ConstraintDefinition constraint) {
    if (!(constraint instanceof ForeignKeyDefinition) && !(constraint instanceof CheckDefinition)) {
      throw new IllegalArgumentException(
          "only foreign keys and check constraints can be added NOT VALID, not a "
              + ApiModel.constraint(constraint).kind());
    }
    emit(new AddConstraint(name(table), ApiModel.constraint(constraint), true));
  }

  @Override
  public void validateConstraint(String table, String name) {
    emit(new ValidateConstraint(name(table), name));
  }

  @Override
  public void addUniqueUsingIndex(String table, String name, String index) {
    emit(new AddConstraintUsingIndex(name(table), name, false, index, null));
  }

  @Override
  public void addPrimaryKeyUsingIndex(String table, String name, String index) {
    emit(new AddConstraintUsingIndex(name(table), name, true, index, null));
  }

  @Override
  public void decide(String question) {
    emit(new Decision(question));
  }

  @Override
  public void backfill(String table, String column, String value) {
    backfill(table, column, value, BackfillColumn.DEFAULT_BATCH_SIZE);
  }

  @Override
  public void backfill(String table, String column, String value, int batchSize) {
    emit(new BackfillColumn(name(table), column, value, batchSize));
  }

  @Override
  public void renameConstraint(String table, String name, String newName) {
    emit(new RenameConstraint(name(table), name, newName));
  }

  @Override
  public void renameIndex(String index, String newName) {
    emit(new RenameIndex(name(index), newName));
  }

  @Override
  public void dropConstraint(String table, String name) {
    emit(new DropConstraint(name(table), name, null));
  }

  @Override
  public void createEnumType(String name, String... values) {
    emit(new CreateEnumType(name(name), Arrays.asList(values)));
  }

  @Override
  public void dropEnumType(String name) {
    emit(new DropEnumType(name(name), null));
  }

  @Override
  public void addEnumValue(String type, String value) {
    emit(new AddEnumValue(name(type), value, null, null, null, null));
  }

  @Override
  public void addEnumValueBefore(String type, String value, String before) {
    emit(new AddEnumValue(name(type), value, before, null, null, null));
  }

  @Override
  public void addEnumValueAfter(String type, String value, String after) {
    emit(new AddEnumValue(name(type), value, null, after, null, null));
  }

  @Override
  public void renameEnumValue(String type, String value, String newValue) {
    emit(new RenameEnumValue(name(type), value, newValue));
  }

  @Override
  public void createSequence(String name, SequenceSettings options) {
    emit(new CreateSequence(new Sequence(name(name), null, ApiModel.options(options), null)));
  }

  @Override
  public void createSequence(String name, String dataType, SequenceSettings options) {
    emit(new CreateSequence(new Sequence(name(name), dataType, ApiModel.options(options), null)));
  }

  @Override
  public void replaceEnumType(
      String type, List<String> values, dev.retort.migration.EnumColumn... columns) {
    emit(
        new ReplaceEnumType(
            name(type), null, values, Arrays.stream(columns).map(ApiModel::enumColumn).toList()));
  }

  @Override
  public void alterSequence(String name, SequenceSettings options) {
    emit(new AlterSequence(name(name), Change.to(ApiModel.options(options))));
  }

  @Override
  public void setSequenceOwner(String sequence, String table, String column) {
    emit(
        new SetSequenceOwner(
            name(sequence), Change.to(table == null ? null : new ColumnRef(name(table), column))));
  }

  @Override
  public void dropSequence(String name) {
    emit(new DropSequence(name(name), null));
  }

  @Override
  public void execute(String sql) {
    emit(new ExecuteSql(sql, null));
  }

  @Override
  public void bulkInsert(String table, dev.retort.migration.Rows rows) {
    emit(new BulkInsert(name(table), ApiModel.rows(rows)));
  }

  @Override
  public Connection connection() {
    return sink.connection();
  }

  @Override
  public void irreversible(String reason) {
    emit(new Irreversible(reason));
  }
}
