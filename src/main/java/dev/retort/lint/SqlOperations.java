package dev.retort.lint;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropTable;
import dev.retort.operation.Operation;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ValidateConstraint;
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
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringTokenizer;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * Parsed raw SQL as the operations the DSL would have issued for it ({@code ALTER TABLE t ADD
 * COLUMN ...} is an {@link AddColumn}), so one rule covers both spellings. Statements with no such
 * operation (UPDATE, TRUNCATE, SET) are left to the rules that read statements.
 */
final class SqlOperations {

  private SqlOperations() {}

  static List<Operation> of(Statement statement) {
    if (statement instanceof net.sf.jsqlparser.statement.create.table.CreateTable create) {
      return List.of(createTable(create));
    }
    if (statement instanceof net.sf.jsqlparser.statement.create.index.CreateIndex create) {
      // The parser (5.3) refuses CONCURRENTLY here, so a parsed CREATE INDEX is a plain one.
      net.sf.jsqlparser.statement.create.table.Index index = create.getIndex();
      List<IndexKey> keys = index.getColumnsNames().stream().map(IndexKey::column).toList();
      Index created =
          new Index(
              index.getName() == null ? "unnamed" : SqlNames.identifier(index.getName()),
              keys,
              "UNIQUE".equalsIgnoreCase(index.getType()),
              null,
              List.of(),
              null,
              false);
      return List.of(new CreateIndex(SqlNames.table(create.getTable()), created, false));
    }
    if (statement instanceof Drop drop) {
      return drop(drop);
    }
    if (statement instanceof Alter alter) {
      List<Operation> operations = new ArrayList<>();
      QualifiedName table = SqlNames.table(alter.getTable());
      for (AlterExpression expression : alter.getAlterExpressions()) {
        operations.addAll(alterExpression(table, expression));
      }
      return operations;
    }
    return List.of();
  }

  private static List<Operation> drop(Drop drop) {
    String type = drop.getType().toUpperCase(Locale.ROOT);
    if (type.equals("INDEX")) {
      // The parser (5.3) reads DROP INDEX CONCURRENTLY name as an index named CONCURRENTLY
      // followed by a parameter: the name.
      boolean concurrently = drop.getName().getName().equalsIgnoreCase("CONCURRENTLY");
      List<String> parameters = drop.getParameters() == null ? List.of() : drop.getParameters();
      QualifiedName index =
          concurrently && !parameters.isEmpty()
              ? SqlNames.table(parameters.get(0))
              : SqlNames.table(drop.getName());
      return List.of(new DropIndex(index, concurrently, null, null));
    }
    if (type.equals("TABLE")) {
      return List.of(new DropTable(SqlNames.table(drop.getName()), null, List.of()));
    }
    return List.of();
  }

  private static CreateTable createTable(
      net.sf.jsqlparser.statement.create.table.CreateTable create) {
    QualifiedName name = SqlNames.table(create.getTable());
    List<Column> columns = new ArrayList<>();
    PrimaryKey primaryKey = null;
    List<ForeignKey> foreignKeys = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<ColumnDefinition> definitions =
        create.getColumnDefinitions() == null ? List.of() : create.getColumnDefinitions();
    for (ColumnDefinition definition : definitions) {
      ColumnSpecs specs = ColumnSpecs.of(definition.getColumnSpecs());
      Column column = column(name, definition, specs);
      columns.add(column);
      if (specs.primaryKey()) {
        primaryKey = new PrimaryKey(null, List.of(column.name()));
      }
      if (specs.unique()) {
        uniques.add(new UniqueConstraint(null, List.of(column.name()), false));
      }
      if (specs.references() != null) {
        foreignKeys.add(inlineForeignKey(column.name(), specs));
      }
    }
    List<net.sf.jsqlparser.statement.create.table.Index> indexes =
        create.getIndexes() == null ? List.of() : create.getIndexes();
    for (net.sf.jsqlparser.statement.create.table.Index index : indexes) {
      Constraint constraint = constraint(index);
      if (constraint instanceof PrimaryKey key) {
        primaryKey = key;
      } else if (constraint instanceof ForeignKey key) {
        foreignKeys.add(key);
      } else if (constraint instanceof UniqueConstraint unique) {
        uniques.add(unique);
      } else if (constraint instanceof CheckConstraint check) {
        checks.add(check);
      }
    }
    return new CreateTable(
        new Table(name, columns, primaryKey, foreignKeys, uniques, checks, List.of(), null, null));
  }

  private static Column column(
      QualifiedName table, ColumnDefinition definition, ColumnSpecs specs) {
    String name = SqlNames.identifier(definition.getColumnName());
    String defaultValue = specs.defaultValue();
    if (SqlNames.isSerial(definition.getColDataType())) {
      // What PostgreSQL turns a serial column into: an integer whose default calls a new sequence.
      defaultValue = "nextval('" + table.name() + "_" + name + "_seq'::regclass)";
    }
    return new Column(
        name,
        SqlNames.type(definition.getColDataType()),
        !specs.notNull() && !specs.identity(),
        defaultValue,
        specs.identity() ? Identity.generatedByDefault() : null,
        specs.generated(),
        null,
        null);
  }

  private static ForeignKey inlineForeignKey(String column, ColumnSpecs specs) {
    return ForeignKey.of(
            null, List.of(column), SqlNames.table(specs.references()), specs.referencedColumns())
        .onDelete(specs.onDelete());
  }

  /** A table constraint, or null for what is not one (a plain index in other dialects). */
  private static Constraint constraint(net.sf.jsqlparser.statement.create.table.Index index) {
    String name = index.getName() == null ? null : SqlNames.identifier(index.getName());
    // A check constraint has no column list (the parser leaves it null).
    List<String> columns =
        index.getColumns() == null
            ? List.of()
            : index.getColumnsNames().stream().map(SqlNames::identifier).toList();
    if (index instanceof ForeignKeyIndex key) {
      net.sf.jsqlparser.statement.ReferentialAction delete =
          key.getReferentialAction(net.sf.jsqlparser.statement.ReferentialAction.Type.DELETE);
      ReferentialAction onDelete =
          delete == null
              ? ReferentialAction.NO_ACTION
              : ReferentialAction.valueOf(delete.getAction().name());
      return ForeignKey.of(
              name,
              columns,
              SqlNames.table(key.getTable()),
              key.getReferencedColumnNames().stream().map(SqlNames::identifier).toList())
          .onDelete(onDelete);
    }
    if (index instanceof net.sf.jsqlparser.statement.create.table.CheckConstraint check) {
      return new CheckConstraint(name, check.getExpression().toString());
    }
    String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
    if (type.equals("PRIMARY KEY")) {
      return new PrimaryKey(name, columns);
    }
    if (type.equals("UNIQUE") || (index instanceof NamedConstraint && type.startsWith("UNIQUE"))) {
      return new UniqueConstraint(name, columns, false);
    }
    return null;
  }

  private static List<Operation> alterExpression(QualifiedName table, AlterExpression expression) {
    AlterOperation operation = expression.getOperation();
    List<Operation> operations = new ArrayList<>();
    if (operation == AlterOperation.ADD) {
      if (expression.getColDataTypeList() != null) {
        for (AlterExpression.ColumnDataType definition : expression.getColDataTypeList()) {
          ColumnSpecs specs = ColumnSpecs.of(definition.getColumnSpecs());
          Column column = column(table, definition, specs);
          operations.add(new AddColumn(table, column));
          if (specs.references() != null) {
            operations.add(new AddConstraint(table, inlineForeignKey(column.name(), specs), false));
          }
          if (specs.primaryKey()) {
            operations.add(
                new AddConstraint(table, new PrimaryKey(null, List.of(column.name())), false));
          } else if (specs.unique()) {
            operations.add(
                new AddConstraint(
                    table, new UniqueConstraint(null, List.of(column.name()), false), false));
          }
        }
      } else if (expression.getIndex() != null) {
        Constraint constraint = constraint(expression.getIndex());
        if (constraint != null) {
          operations.add(new AddConstraint(table, constraint, false));
        }
      } else if (expression.getPkColumns() != null) {
        operations.add(
            new AddConstraint(
                table, new PrimaryKey(null, names(expression.getPkColumns())), false));
      } else if (expression.getUkColumns() != null) {
        operations.add(
            new AddConstraint(
                table,
                new UniqueConstraint(
                    expression.getUkName(), names(expression.getUkColumns()), false),
                false));
      }
    } else if (operation == AlterOperation.ALTER && expression.getColDataTypeList() != null) {
      for (AlterExpression.ColumnDataType definition : expression.getColDataTypeList()) {
        ColumnChange change = columnChange(definition);
        if (change != null) {
          operations.add(
              new AlterColumn(table, SqlNames.identifier(definition.getColumnName()), change));
        }
      }
    } else if (operation == AlterOperation.RENAME && expression.getColumnOldName() != null) {
      operations.add(
          new RenameColumn(
              table,
              SqlNames.identifier(expression.getColumnOldName()),
              SqlNames.identifier(expression.getColumnName())));
    } else if (operation == AlterOperation.RENAME_TABLE) {
      operations.add(new RenameTable(table, SqlNames.identifier(expression.getNewTableName())));
    } else if (operation == AlterOperation.DROP && expression.getColumnName() != null) {
      operations.add(new DropColumn(table, SqlNames.identifier(expression.getColumnName()), null));
    } else if (operation == AlterOperation.UNSPECIFIC
        && expression.getOptionalSpecifier() != null) {
      // VALIDATE CONSTRAINT name comes back as its words.
      List<String> words = new ArrayList<>();
      StringTokenizer tokens = new StringTokenizer(expression.getOptionalSpecifier());
      while (tokens.hasMoreTokens()) {
        words.add(tokens.nextToken());
      }
      if (words.size() == 3
          && words.get(0).equalsIgnoreCase("VALIDATE")
          && words.get(1).equalsIgnoreCase("CONSTRAINT")) {
        operations.add(new ValidateConstraint(table, SqlNames.identifier(words.get(2))));
      }
    }
    return operations;
  }

  /** {@code SET NOT NULL}, or a type change (with its USING); null for what lint does not read. */
  private static ColumnChange columnChange(AlterExpression.ColumnDataType definition) {
    if (definition.getColDataType() == null) {
      return null; // DROP NOT NULL and the like come back without a type
    }
    String word = definition.getColDataType().getDataType().toUpperCase(Locale.ROOT);
    List<String> specs =
        definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
    if (word.equals("SET") || word.equals("DROP")) {
      boolean notNull =
          specs.size() == 2
              && specs.get(0).equalsIgnoreCase("NOT")
              && specs.get(1).equalsIgnoreCase("NULL");
      return word.equals("SET") && notNull ? ColumnChange.NONE.notNull() : null;
    }
    ColumnChange change = ColumnChange.NONE.type(SqlNames.type(definition.getColDataType()));
    if (!specs.isEmpty() && specs.get(0).equalsIgnoreCase("USING")) {
      change = change.using(String.join(" ", specs.subList(1, specs.size())));
    }
    return change;
  }

  private static List<String> names(List<String> columns) {
    return columns.stream().map(SqlNames::identifier).toList();
  }
}
