package dev.retort.schema;

/**
 * How big a table is, as the server's statistics say when a plan is made: what decides whether a
 * change can lock it plainly or needs the online form.
 *
 * @param rows the estimated row count ({@code reltuples}), or {@link #UNKNOWN_ROWS} when the table
 *     holds rows but was never analyzed
 * @param bytes the table with its indexes and TOAST ({@code pg_total_relation_size})
 * @param partitioned a partitioned parent, which has no storage of its own
 */
public record TableSize(long rows, long bytes, boolean partitioned) {

  public static final TableSize EMPTY = new TableSize(0, 0, false);

  /** Rows seen, but never counted by ANALYZE. */
  public static final long UNKNOWN_ROWS = -1;

  public boolean isEmpty() {
    return rows == 0;
  }
}
