package dev.retort.postgres;

import static dev.retort.postgres.DdlFragments.alterTable;
import static dev.retort.postgres.DdlFragments.columnComment;
import static dev.retort.postgres.DdlFragments.columnDefinition;
import static dev.retort.postgres.DdlFragments.columnList;
import static dev.retort.postgres.DdlFragments.constraintDefinition;
import static dev.retort.postgres.DdlFragments.sequenceOptions;
import static dev.retort.postgres.DdlFragments.tableComment;
import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;
import static dev.retort.postgres.Literals.string;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.Comment;
import dev.retort.operation.CreateEnumType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSchema;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Decision;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropEnumType;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSchema;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.EnumColumn;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.Irreversible;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameConstraint;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.RenameIndex;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.operation.SetSequenceOwner;
import dev.retort.operation.SetTableComment;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Constraint;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL statements for each operation, without trailing semicolons. One statement per change,
 * so an error names exactly what failed and {@code --sql} output reads line by line.
 */
public final class SqlGenerator implements OperationVisitor<List<String>> {

  /** Rows per INSERT statement of a bulk insert: large enough to be fast, small enough to parse. */
  static final int ROWS_PER_INSERT = 500;

  public List<String> statements(Operation operation) {
    return operation.accept(this);
  }

  @Override
  public List<String> visit(CreateSchema op) {
    return List.of(
        "CREATE SCHEMA " + (op.ifNotExists() ? "IF NOT EXISTS " : "") + quote(op.name()));
  }

  @Override
  public List<String> visit(DropSchema op) {
    return List.of("DROP SCHEMA " + quote(op.name()) + (op.cascade() ? " CASCADE" : ""));
  }

  @Override
  public List<String> visit(CreateTable op) {
    Table table = op.table();
    List<String> elements = new ArrayList<>();
    for (Column column : table.columns()) {
      elements.add(columnDefinition(column));
    }
    for (Constraint constraint : table.constraints()) {
      elements.add(constraintDefinition(constraint));
    }
    StringBuilder create =
        new StringBuilder("CREATE TABLE ").append(qualified(table.name())).append(" (\n");
    create.append(elements.stream().map(e -> "    " + e).collect(Collectors.joining(",\n")));
    create.append("\n)");
    if (table.partitionKey() != null) {
      create.append(" PARTITION BY ").append(table.partitionKey());
    }
    List<String> statements = new ArrayList<>();
    statements.add(create.toString());
    if (table.comment() != null) {
      statements.add(tableComment(table.name(), table.comment()));
    }
    for (Column column : table.columns()) {
      if (column.comment() != null) {
        statements.add(columnComment(table.name(), column.name(), column.comment()));
      }
    }
    return statements;
  }

  @Override
  public List<String> visit(DropTable op) {
    return List.of("DROP TABLE " + qualified(op.name()));
  }

  @Override
  public List<String> visit(RenameTable op) {
    return List.of(alterTable(op.table()) + "RENAME TO " + quote(op.newName()));
  }

  @Override
  public List<String> visit(SetTableComment op) {
    return List.of(tableComment(op.table(), op.comment().to()));
  }

  @Override
  public List<String> visit(AddColumn op) {
    List<String> statements = new ArrayList<>();
    statements.add(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
    if (op.column().comment() != null) {
      statements.add(columnComment(op.table(), op.column().name(), op.column().comment()));
    }
    return statements;
  }

  @Override
  public List<String> visit(DropColumn op) {
    return List.of(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
  }

  @Override
  public List<String> visit(RenameColumn op) {
    return List.of(
        alterTable(op.table())
            + "RENAME COLUMN "
            + quote(op.column())
            + " TO "
            + quote(op.newName()));
  }

  @Override
  public List<String> visit(AlterColumn op) {
    return AlterColumnStatements.of(op);
  }

  @Override
  public List<String> visit(CreateIndex op) {
    return List.of(DdlFragments.createIndex(op.table(), op.index(), op.concurrently()));
  }

  @Override
  public List<String> visit(DropIndex op) {
    return List.of(
        "DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + qualified(op.index()));
  }

  @Override
  public List<String> visit(AddConstraint op) {
    return List.of(
        alterTable(op.table())
            + "ADD "
            + constraintDefinition(op.constraint())
            + (op.notValid() ? " NOT VALID" : ""));
  }

  @Override
  public List<String> visit(DropConstraint op) {
    return List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.name()));
  }

  @Override
  public List<String> visit(ValidateConstraint op) {
    return List.of(alterTable(op.table()) + "VALIDATE CONSTRAINT " + quote(op.name()));
  }

  @Override
  public List<String> visit(CreateEnumType op) {
    return List.of(createEnum(op.name(), op.values()));
  }

  private static String createEnum(QualifiedName name, List<String> values) {
    return "CREATE TYPE "
        + qualified(name)
        + " AS ENUM ("
        + values.stream().map(Literals::string).collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public List<String> visit(DropEnumType op) {
    return List.of("DROP TYPE " + qualified(op.name()));
  }

  @Override
  public List<String> visit(AddEnumValue op) {
    String sql = "ALTER TYPE " + qualified(op.type()) + " ADD VALUE " + string(op.value());
    if (op.before() != null) {
      sql += " BEFORE " + string(op.before());
    } else if (op.after() != null) {
      sql += " AFTER " + string(op.after());
    }
    return List.of(sql);
  }

  @Override
  public List<String> visit(RenameEnumValue op) {
    return List.of(
        "ALTER TYPE "
            + qualified(op.type())
            + " RENAME VALUE "
            + string(op.from())
            + " TO "
            + string(op.to()));
  }

  @Override
  public List<String> visit(ReplaceEnumType op) {
    QualifiedName type = op.type();
    QualifiedName old = type.withName(retiredName(type.name()));
    List<String> statements = new ArrayList<>();
    statements.add("ALTER TYPE " + qualified(type) + " RENAME TO " + quote(old.name()));
    statements.add(createEnum(type, op.toValues()));
    for (EnumColumn use : op.usedBy()) {
      String alter = alterTable(use.table()) + "ALTER COLUMN " + quote(use.column()) + " ";
      String brackets = "[]".repeat(use.arrayDimensions());
      if (use.defaultValue() != null) {
        statements.add(alter + "DROP DEFAULT");
      }
      statements.add(
          alter
              + "TYPE "
              + TypeNames.sql(SqlType.userDefined(type, use.arrayDimensions()))
              + " USING "
              + quote(use.column())
              + "::text"
              + brackets
              + "::"
              + TypeNames.sql(SqlType.userDefined(type, use.arrayDimensions())));
      if (use.defaultValue() != null) {
        statements.add(alter + "SET DEFAULT " + use.defaultValue());
      }
    }
    statements.add("DROP TYPE " + qualified(old));
    return statements;
  }

  /** The temporary name of a type being replaced; PostgreSQL names are at most 63 bytes. */
  static String retiredName(String name) {
    String suffix = "_retired";
    String base = name;
    while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
      base = base.substring(0, base.length() - 1);
    }
    return base + suffix;
  }

  @Override
  public List<String> visit(CreateSequence op) {
    Sequence sequence = op.sequence();
    StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(qualified(sequence.name()));
    if (sequence.dataType() != null) {
      sql.append(" AS ").append(sequence.dataType());
    }
    String options = sequenceOptions(sequence.options(), false);
    if (!options.isEmpty()) {
      sql.append(' ').append(options);
    }
    List<String> statements = new ArrayList<>();
    statements.add(sql.toString());
    if (sequence.ownedBy() != null) {
      statements.add(
          "ALTER SEQUENCE " + qualified(sequence.name()) + " OWNED BY " + ownedBy(sequence));
    }
    return statements;
  }

  private static String ownedBy(Sequence sequence) {
    ColumnRef owner = sequence.ownedBy();
    return qualified(owner.table()) + "." + quote(owner.column());
  }

  @Override
  public List<String> visit(AlterSequence op) {
    return List.of(
        "ALTER SEQUENCE " + qualified(op.name()) + " " + sequenceOptions(op.options().to(), true));
  }

  @Override
  public List<String> visit(DropSequence op) {
    return List.of("DROP SEQUENCE " + qualified(op.name()));
  }

  @Override
  public List<String> visit(ExecuteSql op) {
    return List.of(op.sql());
  }

  @Override
  public List<String> visit(BulkInsert op) {
    List<List<Object>> rows = op.rows().values();
    List<String> statements = new ArrayList<>();
    String head =
        "INSERT INTO "
            + qualified(op.table())
            + " ("
            + columnList(op.rows().columns())
            + ") VALUES\n";
    for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
      List<List<Object>> batch =
          rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT));
      String values =
          batch.stream()
              .map(
                  row ->
                      row.stream()
                          .map(Literals::value)
                          .collect(Collectors.joining(", ", "    (", ")")))
              .collect(Collectors.joining(",\n"));
      statements.add(
          head + values + (op.rows().ignoreConflicts() ? "\nON CONFLICT DO NOTHING" : ""));
    }
    return statements;
  }

  @Override
  public List<String> visit(SetSequenceOwner op) {
    ColumnRef owner = op.owner().to();
    return List.of(
        "ALTER SEQUENCE "
            + qualified(op.sequence())
            + " OWNED BY "
            + (owner == null ? "NONE" : qualified(owner.table()) + "." + quote(owner.column())));
  }

  @Override
  public List<String> visit(Comment op) {
    return List.of();
  }

  @Override
  public List<String> visit(Irreversible op) {
    throw new IrreversibleOperationException(op.reason());
  }

  @Override
  public List<String> visit(AddConstraintUsingIndex op) {
    return List.of(
        alterTable(op.table())
            + "ADD CONSTRAINT "
            + quote(op.name())
            + (op.primaryKey() ? " PRIMARY KEY" : " UNIQUE")
            + " USING INDEX "
            + quote(op.index()));
  }

  /**
   * One batch; the runner repeats it until it updates nothing (see {@link BackfillColumn}). The
   * rows are picked by {@code ctid} so that each batch touches only the rows it names, and only
   * rows the value would fill, so rows it leaves NULL are not picked again and again.
   */
  @Override
  public List<String> visit(BackfillColumn op) {
    return List.of(backfillBatch(op));
  }

  public static String backfillBatch(BackfillColumn op) {
    String table = qualified(op.table());
    String column = quote(op.column());
    return "UPDATE "
        + table
        + " SET "
        + column
        + " = "
        + op.value()
        + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
        + table
        + " WHERE "
        + column
        + " IS NULL AND ("
        + op.value()
        + ") IS NOT NULL LIMIT "
        + op.batchSize()
        + "))";
  }

  @Override
  public List<String> visit(Decision op) {
    throw new UnresolvedDecisionException(op.question());
  }

  @Override
  public List<String> visit(RenameConstraint op) {
    return List.of(
        alterTable(op.table())
            + "RENAME CONSTRAINT "
            + quote(op.name())
            + " TO "
            + quote(op.newName()));
  }

  @Override
  public List<String> visit(RenameIndex op) {
    return List.of("ALTER INDEX " + qualified(op.index()) + " RENAME TO " + quote(op.newName()));
  }
}
