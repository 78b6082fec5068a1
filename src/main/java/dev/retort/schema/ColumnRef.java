package dev.retort.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * A column of a table, by name: what owns a serial's sequence, what an ORDINAL order is kept by.
 */
public record ColumnRef(QualifiedName table, String column) implements Comparable<ColumnRef> {

  private static final Comparator<ColumnRef> ORDER =
      Comparator.comparing(ColumnRef::table).thenComparing(ColumnRef::column);

  public ColumnRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }

  @Override
  public int compareTo(ColumnRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code table.column}, for messages. */
  @Override
  public String toString() {
    return table + "." + column;
  }
}
