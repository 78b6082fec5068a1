package dev.retort.operation;

import dev.retort.schema.QualifiedName;

/**
 * A column whose type is an enum type (or an array of it), with its default: what must be re-typed
 * when the enum type is replaced.
 */
public record EnumColumn(QualifiedName table, String column, int arrayDimensions, String defaultValue) {}
