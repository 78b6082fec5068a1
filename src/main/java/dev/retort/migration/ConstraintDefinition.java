package dev.retort.migration;

/** A table constraint: a primary key, foreign key, unique or check constraint. */
public sealed interface ConstraintDefinition extends TableElement
    permits PrimaryKeyDefinition, ForeignKeyDefinition, UniqueDefinition, CheckDefinition {

  /** The constraint name, or null to let PostgreSQL choose one. */
  String name();
}
