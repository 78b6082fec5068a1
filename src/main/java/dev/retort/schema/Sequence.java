package dev.retort.schema;

import java.util.Objects;

/**
 * A standalone sequence. Sequences owned by identity columns are part of the column and never
 * appear here.
 *
 * @param dataType {@code smallint}, {@code integer} or {@code bigint} (null means bigint)
 * @param ownedBy the column the sequence is owned by (serial columns), or null
 */
public record Sequence(
    QualifiedName name, String dataType, SequenceOptions options, ColumnRef ownedBy) {

  public Sequence {
    Objects.requireNonNull(name, "name");
    options = options == null ? SequenceOptions.DEFAULTS : options;
    dataType = "bigint".equals(dataType) ? null : dataType;
  }

  public static Sequence named(QualifiedName name) {
    return new Sequence(name, null, SequenceOptions.DEFAULTS, null);
  }

  public Sequence withOptions(SequenceOptions value) {
    return new Sequence(name, dataType, value, ownedBy);
  }

  public Sequence withOwnedBy(ColumnRef value) {
    return new Sequence(name, dataType, options, value);
  }

  public Sequence withName(QualifiedName value) {
    return new Sequence(value, dataType, options, ownedBy);
  }
}
