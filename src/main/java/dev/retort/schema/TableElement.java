package dev.retort.schema;

/** What {@code createTable} accepts besides the name: columns and constraints. */
public interface TableElement {}
