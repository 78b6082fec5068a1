package dev.retort.render;

import static dev.retort.render.DefinitionRenderer.column;
import static dev.retort.render.DefinitionRenderer.constraint;
import static dev.retort.render.DefinitionRenderer.identity;
import static dev.retort.render.DefinitionRenderer.index;
import static dev.retort.render.DefinitionRenderer.sequenceOptions;
import static dev.retort.render.DefinitionRenderer.strings;

import com.palantir.javapoet.CodeBlock;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
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
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Constraint;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SqlExpression;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Each operation as the one DSL statement that builds it again: {@code op.addColumn("users",
 * column("bio", text()));}. Compiling and running the statement gives back an operation with the
 * same SQL, which is what the round-trip tests check.
 */
final class OperationRenderer implements OperationVisitor<CodeBlock> {

  CodeBlock render(Operation operation) {
    return operation.accept(this);
  }

  /** {@code op}, or {@code op.inSchema("hr")} for a name outside the default schema. */
  private static CodeBlock on(QualifiedName name) {
    return name.schema() == null
        ? CodeBlock.of("op")
        : CodeBlock.of("op.inSchema($S)", name.schema());
  }

  private static CodeBlock statement(String format, Object... args) {
    return CodeBlock.builder().addStatement(format, args).build();
  }

  @Override
  public CodeBlock visit(CreateSchema op) {
    return statement("op.createSchema($S)", op.name());
  }

  @Override
  public CodeBlock visit(DropSchema op) {
    return statement("op.dropSchema($S)", op.name());
  }

  @Override
  public CodeBlock visit(CreateTable op) {
    Table table = op.table();
    List<CodeBlock> elements = new ArrayList<>();
    table.columns().forEach(c -> elements.add(column(c)));
    for (Constraint constraint : table.constraints()) {
      elements.add(constraint(constraint));
    }
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("$L.createTable($S", on(table.name()), table.name().name())
            .indent();
    for (CodeBlock element : elements) {
      code.add(",\n$L", element);
    }
    code.unindent().add(");\n");
    if (table.comment() != null) {
      code.addStatement(
          "$L.setTableComment($S, $S)", on(table.name()), table.name().name(), table.comment());
    }
    return code.build();
  }

  @Override
  public CodeBlock visit(DropTable op) {
    return statement("$L.dropTable($S)", on(op.name()), op.name().name());
  }

  @Override
  public CodeBlock visit(RenameTable op) {
    return statement("$L.renameTable($S, $S)", on(op.table()), op.table().name(), op.newName());
  }

  @Override
  public CodeBlock visit(SetTableComment op) {
    return statement(
        "$L.setTableComment($S, $S)", on(op.table()), op.table().name(), op.comment().to());
  }

  @Override
  public CodeBlock visit(AddColumn op) {
    return statement(
        "$L.addColumn($S, $L)", on(op.table()), op.table().name(), column(op.column()));
  }

  @Override
  public CodeBlock visit(DropColumn op) {
    return statement("$L.dropColumn($S, $S)", on(op.table()), op.table().name(), op.column());
  }

  @Override
  public CodeBlock visit(RenameColumn op) {
    return statement(
        "$L.renameColumn($S, $S, $S)",
        on(op.table()),
        op.table().name(),
        op.column(),
        op.newName());
  }

  @Override
  public CodeBlock visit(AlterColumn op) {
    ColumnChange change = op.change();
    if (isOnlyComment(change)) {
      return statement(
          "$L.setColumnComment($S, $S, $S)",
          on(op.table()),
          op.table().name(),
          op.column(),
          change.comment().to());
    }
    CodeBlock.Builder code = CodeBlock.builder().add("change()");
    if (change.type() != null) {
      code.add(".type($L)", TypeRenderer.render(change.type().to()));
      if (change.using() != null) {
        code.add(".using($S)", change.using());
      }
    }
    if (change.collation() != null) {
      code.add(".collation($S)", change.collation().to());
    }
    if (change.nullable() != null) {
      code.add(change.nullable().to() ? ".dropNotNull()" : ".notNull()");
    }
    if (change.defaultValue() != null) {
      if (change.defaultValue().to() == null) {
        code.add(".dropDefault()");
      } else {
        code.add(".defaultValue($S)", change.defaultValue().to());
      }
    }
    if (change.identity() != null) {
      code.add(identityChange(change.identity()));
    }
    if (change.comment() != null) {
      code.add(".comment($S)", change.comment().to());
    }
    return statement(
        "$L.alterColumn($S, $S, $L)", on(op.table()), op.table().name(), op.column(), code.build());
  }

  private static boolean isOnlyComment(ColumnChange change) {
    return change.comment() != null && change.withComment(null).isEmpty();
  }

  private static CodeBlock identityChange(Change<Identity> change) {
    if (change.to() == null) {
      return CodeBlock.of(".dropIdentity()");
    }
    if (!change.fromKnown()) {
      return CodeBlock.of(".identity($L)", identity(change.to()));
    }
    if (change.from() == null) {
      return CodeBlock.of(".addIdentity($L)", identity(change.to()));
    }
    return CodeBlock.of(".identity($L, $L)", identity(change.from()), identity(change.to()));
  }

  @Override
  public CodeBlock visit(CreateIndex op) {
    return statement(
        "$L.$L($S, $L)",
        on(op.table()),
        op.concurrently() ? "createIndexConcurrently" : "createIndex",
        op.table().name(),
        index(op.index()));
  }

  @Override
  public CodeBlock visit(DropIndex op) {
    return statement(
        "$L.$L($S)",
        on(op.index()),
        op.concurrently() ? "dropIndexConcurrently" : "dropIndex",
        op.index().name());
  }

  @Override
  public CodeBlock visit(AddConstraint op) {
    return statement(
        "$L.$L($S, $L)",
        on(op.table()),
        op.notValid() ? "addConstraintNotValid" : "addConstraint",
        op.table().name(),
        constraint(op.constraint()));
  }

  @Override
  public CodeBlock visit(DropConstraint op) {
    return statement("$L.dropConstraint($S, $S)", on(op.table()), op.table().name(), op.name());
  }

  @Override
  public CodeBlock visit(ValidateConstraint op) {
    return statement("$L.validateConstraint($S, $S)", on(op.table()), op.table().name(), op.name());
  }

  @Override
  public CodeBlock visit(CreateEnumType op) {
    return statement(
        "$L.createEnumType($S, $L)", on(op.name()), op.name().name(), strings(op.values()));
  }

  @Override
  public CodeBlock visit(DropEnumType op) {
    return statement("$L.dropEnumType($S)", on(op.name()), op.name().name());
  }

  @Override
  public CodeBlock visit(AddEnumValue op) {
    if (op.before() != null) {
      return statement(
          "$L.addEnumValueBefore($S, $S, $S)",
          on(op.type()),
          op.type().name(),
          op.value(),
          op.before());
    }
    if (op.after() != null) {
      return statement(
          "$L.addEnumValueAfter($S, $S, $S)",
          on(op.type()),
          op.type().name(),
          op.value(),
          op.after());
    }
    return statement("$L.addEnumValue($S, $S)", on(op.type()), op.type().name(), op.value());
  }

  @Override
  public CodeBlock visit(RenameEnumValue op) {
    return statement(
        "$L.renameEnumValue($S, $S, $S)", on(op.type()), op.type().name(), op.from(), op.to());
  }

  @Override
  public CodeBlock visit(ReplaceEnumType op) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$L.replaceEnumType($S, $T.of($L)",
                on(op.type()),
                op.type().name(),
                List.class,
                strings(op.toValues()))
            .indent();
    for (EnumColumn column : op.usedBy()) {
      CodeBlock table =
          column.table().schema() == null
              ? CodeBlock.of("$S", column.table().name())
              : CodeBlock.of("table($S, $S)", column.table().schema(), column.table().name());
      code.add(",\nenumColumn($L, $S)", table, column.column());
      if (column.arrayDimensions() > 0) {
        code.add(".array($L)", column.arrayDimensions());
      }
      if (column.defaultValue() != null) {
        code.add(".withDefault($S)", column.defaultValue());
      }
    }
    return code.unindent().add(");\n").build();
  }

  @Override
  public CodeBlock visit(CreateSequence op) {
    if (op.sequence().dataType() != null) {
      return statement(
          "$L.createSequence($S, $S, $L)",
          on(op.sequence().name()),
          op.sequence().name().name(),
          op.sequence().dataType(),
          sequenceOptions(op.sequence().options()));
    }
    return statement(
        "$L.createSequence($S, $L)",
        on(op.sequence().name()),
        op.sequence().name().name(),
        sequenceOptions(op.sequence().options()));
  }

  @Override
  public CodeBlock visit(AlterSequence op) {
    return statement(
        "$L.alterSequence($S, $L)",
        on(op.name()),
        op.name().name(),
        sequenceOptions(op.options().to()));
  }

  @Override
  public CodeBlock visit(DropSequence op) {
    return statement("$L.dropSequence($S)", on(op.name()), op.name().name());
  }

  @Override
  public CodeBlock visit(ExecuteSql op) {
    return statement("op.execute($S)", op.sql());
  }

  @Override
  public CodeBlock visit(BulkInsert op) {
    CodeBlock.Builder rows =
        CodeBlock.builder().add("rows($L)", strings(op.rows().columns())).indent();
    for (List<Object> row : op.rows().values()) {
      rows.add(
          "\n.add($L)", CodeBlock.join(row.stream().map(OperationRenderer::value).toList(), ", "));
    }
    if (op.rows().ignoreConflicts()) {
      rows.add("\n.onConflictDoNothing()");
    }
    rows.unindent();
    return statement("$L.bulkInsert($S, $L)", on(op.table()), op.table().name(), rows.build());
  }

  private static CodeBlock value(Object value) {
    if (value == null) {
      return CodeBlock.of("null");
    }
    if (value instanceof String) {
      return CodeBlock.of("$S", value);
    }
    if (value instanceof Long) {
      return CodeBlock.of("$LL", value);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return CodeBlock.of("$L", value);
    }
    if (value instanceof SqlExpression) {
      return CodeBlock.of("sql($S)", ((SqlExpression) value).sql());
    }
    return CodeBlock.of("sql($S)", Literals.value(value));
  }

  @Override
  public CodeBlock visit(SetSequenceOwner op) {
    ColumnRef owner = op.owner().to();
    if (owner == null) {
      return statement(
          "$L.setSequenceOwner($S, null, null)", on(op.sequence()), op.sequence().name());
    }
    return statement(
        "$L.setSequenceOwner($S, $S, $S)",
        on(op.sequence()),
        op.sequence().name(),
        owner.table().name(),
        owner.column());
  }

  @Override
  public CodeBlock visit(Comment op) {
    CodeBlock.Builder code = CodeBlock.builder();
    ReviewText.wrap(JavaComments.safe(op.text()), ReviewText.COMMENT_WIDTH, "// ", "//   ")
        .forEach(line -> code.add("$L\n", line));
    return code.build();
  }

  @Override
  public CodeBlock visit(Irreversible op) {
    return statement("op.irreversible($S)", op.reason());
  }

  @Override
  public CodeBlock visit(AddConstraintUsingIndex op) {
    return statement(
        "$L.$L($S, $S, $S)",
        on(op.table()),
        op.primaryKey() ? "addPrimaryKeyUsingIndex" : "addUniqueUsingIndex",
        op.table().name(),
        op.name(),
        op.index());
  }

  @Override
  public CodeBlock visit(BackfillColumn op) {
    return op.batchSize() == BackfillColumn.DEFAULT_BATCH_SIZE
        ? statement(
            "$L.backfill($S, $S, $S)", on(op.table()), op.table().name(), op.column(), op.value())
        : statement(
            "$L.backfill($S, $S, $S, $L)",
            on(op.table()),
            op.table().name(),
            op.column(),
            op.value(),
            op.batchSize());
  }

  @Override
  public CodeBlock visit(Decision op) {
    return statement("op.decide($S)", op.question());
  }

  @Override
  public CodeBlock visit(RenameConstraint op) {
    return statement(
        "$L.renameConstraint($S, $S, $S)",
        on(op.table()),
        op.table().name(),
        op.name(),
        op.newName());
  }

  @Override
  public CodeBlock visit(RenameIndex op) {
    return statement("$L.renameIndex($S, $S)", on(op.index()), op.index().name(), op.newName());
  }
}
