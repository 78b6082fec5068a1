package dev.retort.compare;

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
import dev.retort.postgres.Literals;
import dev.retort.postgres.StringLiterals;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL expressions and values an operation evaluates when it runs: defaults, checks, index
 * predicates and expressions, generation expressions, statements and inserted values. What decides
 * whether a plan uses an enum value it adds, which PostgreSQL only allows once the value is
 * committed.
 */
final class OperationExpressions implements OperationVisitor<List<String>> {

  private static final OperationExpressions INSTANCE = new OperationExpressions();

  private OperationExpressions() {}

  static List<String> of(Operation operation) {
    return operation.accept(INSTANCE);
  }

  /** Whether running the operation evaluates {@code value} as a string constant. */
  static boolean uses(Operation operation, String value) {
    return of(operation).stream().anyMatch(sql -> StringLiterals.in(sql).contains(value));
  }

  private static List<String> column(Column column) {
    List<String> texts = new ArrayList<>();
    texts.add(column.defaultValue());
    texts.add(column.generated());
    texts.removeIf(Objects::isNull);
    return texts;
  }

  private static List<String> index(Index index) {
    List<String> texts = new ArrayList<>();
    index.keys().stream().map(IndexKey::expression).filter(Objects::nonNull).forEach(texts::add);
    if (index.where() != null) {
      texts.add(index.where());
    }
    return texts;
  }

  @Override
  public List<String> visit(CreateTable op) {
    Table table = op.table();
    List<String> texts = new ArrayList<>();
    table.columns().forEach(c -> texts.addAll(column(c)));
    table.checkConstraints().forEach(c -> texts.add(c.expression()));
    table.indexes().forEach(i -> texts.addAll(index(i)));
    return texts;
  }

  @Override
  public List<String> visit(AddColumn op) {
    return column(op.column());
  }

  @Override
  public List<String> visit(AlterColumn op) {
    List<String> texts = new ArrayList<>();
    if (op.change().defaultValue() != null && op.change().defaultValue().to() != null) {
      texts.add(op.change().defaultValue().to());
    }
    if (op.change().using() != null) {
      texts.add(op.change().using());
    }
    return texts;
  }

  @Override
  public List<String> visit(AddConstraint op) {
    return op.constraint() instanceof CheckConstraint check
        ? List.of(check.expression())
        : List.of();
  }

  @Override
  public List<String> visit(CreateIndex op) {
    return index(op.index());
  }

  @Override
  public List<String> visit(ExecuteSql op) {
    return List.of(op.sql());
  }

  /** Inserted values as the literals the insert writes, where a use of a value is found alike. */
  @Override
  public List<String> visit(BulkInsert op) {
    List<String> texts = new ArrayList<>();
    op.rows().values().forEach(row -> row.forEach(value -> texts.add(Literals.value(value))));
    return texts;
  }

  @Override
  public List<String> visit(ReplaceEnumType op) {
    return op.usedBy().stream().map(EnumColumn::defaultValue).filter(Objects::nonNull).toList();
  }

  // The rest evaluate nothing a value could appear in.

  @Override
  public List<String> visit(CreateSchema op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropSchema op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropTable op) {
    return List.of();
  }

  @Override
  public List<String> visit(RenameTable op) {
    return List.of();
  }

  @Override
  public List<String> visit(SetTableComment op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropColumn op) {
    return List.of();
  }

  @Override
  public List<String> visit(RenameColumn op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropIndex op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropConstraint op) {
    return List.of();
  }

  @Override
  public List<String> visit(ValidateConstraint op) {
    return List.of();
  }

  @Override
  public List<String> visit(CreateEnumType op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropEnumType op) {
    return List.of();
  }

  @Override
  public List<String> visit(AddEnumValue op) {
    return List.of();
  }

  @Override
  public List<String> visit(RenameEnumValue op) {
    return List.of();
  }

  @Override
  public List<String> visit(CreateSequence op) {
    return List.of();
  }

  @Override
  public List<String> visit(AlterSequence op) {
    return List.of();
  }

  @Override
  public List<String> visit(DropSequence op) {
    return List.of();
  }

  @Override
  public List<String> visit(SetSequenceOwner op) {
    return List.of();
  }

  @Override
  public List<String> visit(Comment op) {
    return List.of();
  }

  @Override
  public List<String> visit(Irreversible op) {
    return List.of();
  }

  @Override
  public List<String> visit(AddConstraintUsingIndex op) {
    return List.of();
  }

  @Override
  public List<String> visit(BackfillColumn op) {
    return List.of(op.value());
  }

  @Override
  public List<String> visit(Decision op) {
    return List.of();
  }

  @Override
  public List<String> visit(RenameConstraint op) {
    return List.of();
  }

  @Override
  public List<String> visit(RenameIndex op) {
    return List.of();
  }
}
