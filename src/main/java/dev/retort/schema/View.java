package dev.retort.schema;

/** A view or materialized view: listed so that it is known, never compared. */
public record View(QualifiedName name, boolean materialized) {}
