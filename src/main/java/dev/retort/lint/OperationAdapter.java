package dev.retort.lint;

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

/** A visitor that answers {@link #otherwise} for every operation it does not override. */
abstract class OperationAdapter<R> implements OperationVisitor<R> {

  abstract R otherwise(Operation op);

  @Override
  public R visit(CreateSchema op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropSchema op) {
    return otherwise(op);
  }

  @Override
  public R visit(CreateTable op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropTable op) {
    return otherwise(op);
  }

  @Override
  public R visit(RenameTable op) {
    return otherwise(op);
  }

  @Override
  public R visit(SetTableComment op) {
    return otherwise(op);
  }

  @Override
  public R visit(AddColumn op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropColumn op) {
    return otherwise(op);
  }

  @Override
  public R visit(RenameColumn op) {
    return otherwise(op);
  }

  @Override
  public R visit(AlterColumn op) {
    return otherwise(op);
  }

  @Override
  public R visit(CreateIndex op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropIndex op) {
    return otherwise(op);
  }

  @Override
  public R visit(AddConstraint op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropConstraint op) {
    return otherwise(op);
  }

  @Override
  public R visit(ValidateConstraint op) {
    return otherwise(op);
  }

  @Override
  public R visit(CreateEnumType op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropEnumType op) {
    return otherwise(op);
  }

  @Override
  public R visit(AddEnumValue op) {
    return otherwise(op);
  }

  @Override
  public R visit(RenameEnumValue op) {
    return otherwise(op);
  }

  @Override
  public R visit(ReplaceEnumType op) {
    return otherwise(op);
  }

  @Override
  public R visit(CreateSequence op) {
    return otherwise(op);
  }

  @Override
  public R visit(AlterSequence op) {
    return otherwise(op);
  }

  @Override
  public R visit(DropSequence op) {
    return otherwise(op);
  }

  @Override
  public R visit(ExecuteSql op) {
    return otherwise(op);
  }

  @Override
  public R visit(BulkInsert op) {
    return otherwise(op);
  }

  @Override
  public R visit(Irreversible op) {
    return otherwise(op);
  }

  @Override
  public R visit(Comment op) {
    return otherwise(op);
  }

  @Override
  public R visit(SetSequenceOwner op) {
    return otherwise(op);
  }

  @Override
  public R visit(AddConstraintUsingIndex op) {
    return otherwise(op);
  }

  @Override
  public R visit(BackfillColumn op) {
    return otherwise(op);
  }

  @Override
  public R visit(Decision op) {
    return otherwise(op);
  }

  @Override
  public R visit(RenameConstraint op) {
    return otherwise(op);
  }

  @Override
  public R visit(RenameIndex op) {
    return otherwise(op);
  }
}
