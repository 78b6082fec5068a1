package dev.retort.operation;

import java.util.List;

/**
 * One schema change: the only currency between the comparator, the renderer and the runtime.
 * Operations produced by the comparator carry the state they replace, so {@link #reverse()} gives
 * the downgrade; an operation whose effect cannot be undone reverses to {@link Irreversible}.
 */
public sealed interface Operation
    permits CreateSchema,
        DropSchema,
        CreateTable,
        DropTable,
        RenameTable,
        SetTableComment,
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumn,
        CreateIndex,
        DropIndex,
        AddConstraint,
        DropConstraint,
        ValidateConstraint,
        CreateEnumType,
        DropEnumType,
        AddEnumValue,
        RenameEnumValue,
        ReplaceEnumType,
        CreateSequence,
        AlterSequence,
        DropSequence,
        ExecuteSql,
        BulkInsert,
        Irreversible,
        Comment,
        SetSequenceOwner,
        AddConstraintUsingIndex,
        BackfillColumn,
        Decision,
        RenameConstraint,
        RenameIndex {

  /** The operations that undo this one, in execution order (often one, sometimes none). */
  List<Operation> reverse();

  <R> R accept(OperationVisitor<R> visitor);
}
