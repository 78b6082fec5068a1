package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Sets a column to an SQL expression on the rows where it is null, in batches: for a migration that
 * is not transactional each batch commits on its own, so no lock is held for the whole table and
 * other writers go on. The runner repeats the batch until no row is left.
 *
 * @param batchSize rows per batch
 */
public record BackfillColumn(QualifiedName table, String column, String value, int batchSize)
    implements Operation {

  public static final int DEFAULT_BATCH_SIZE = 10_000;

  public BackfillColumn {
    if (batchSize < 1) {
      throw new IllegalArgumentException("a backfill batch needs at least one row");
    }
  }

  @Override
  public List<Operation> reverse() {
    // The values it wrote go with the column; what ran before the backfill undoes them.
    return List.of();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
