package dev.retort.schema;

/** A table constraint: what {@code ADD CONSTRAINT} adds and {@code DROP CONSTRAINT} removes. */
public sealed interface Constraint extends TableElement
    permits PrimaryKey, ForeignKey, UniqueConstraint, CheckConstraint {

  /** The constraint name, or null to let PostgreSQL choose one. */
  String name();

  Constraint withName(String name);

  /** The kind in words, for messages: "primary key", "foreign key", ... */
  String kind();
}
