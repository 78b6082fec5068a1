package dev.retort.operation;

/** Dispatch over the sealed {@link Operation} family (Java 17 has no pattern-matching switch). */
public interface OperationVisitor<R> {
  R visit(CreateSchema op);

  R visit(DropSchema op);

  R visit(CreateTable op);

  R visit(DropTable op);

  R visit(RenameTable op);

  R visit(SetTableComment op);

  R visit(AddColumn op);

  R visit(DropColumn op);

  R visit(RenameColumn op);

  R visit(AlterColumn op);

  R visit(CreateIndex op);

  R visit(DropIndex op);

  R visit(AddConstraint op);

  R visit(DropConstraint op);

  R visit(ValidateConstraint op);

  R visit(CreateEnumType op);

  R visit(DropEnumType op);

  R visit(AddEnumValue op);

  R visit(RenameEnumValue op);

  R visit(ReplaceEnumType op);

  R visit(CreateSequence op);

  R visit(AlterSequence op);

  R visit(DropSequence op);

  R visit(ExecuteSql op);

  R visit(BulkInsert op);

  R visit(Irreversible op);

  R visit(Comment op);

  R visit(SetSequenceOwner op);

  R visit(AddConstraintUsingIndex op);

  R visit(BackfillColumn op);

  R visit(Decision op);

  R visit(RenameConstraint op);

  R visit(RenameIndex op);
}
