package dev.retort.migration;

/** What {@code createTable} accepts besides the name: columns and constraints. */
public sealed interface TableElement permits ColumnDefinition, ConstraintDefinition {}
