package dev.retort.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a measured statement may do to a table that holds rows: hold a lock that stops writers
 * (SHARE and stronger) for at most the budget, and never rewrite it.
 */
public record LockBudget(Duration budget) {

  /** The lock modes that make other sessions' INSERT, UPDATE and DELETE wait. */
  private static final Set<String> BLOCKS_WRITES =
      Set.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

  public static boolean blocksWrites(String mode) {
    return BLOCKS_WRITES.contains(mode);
  }

  /** Why the statement goes over the budget; empty when it does not. */
  public List<String> violations(LockRecorder.Measured statement) {
    List<String> reasons = new ArrayList<>();
    for (LockRecorder.Held lock : statement.locks()) {
      if (blocksWrites(lock.mode()) && statement.heldMillis() > budget.toMillis()) {
        reasons.add(
            "held "
                + lock.mode()
                + " on "
                + lock.table()
                + " for "
                + statement.heldMillis()
                + " ms (budget "
                + budget.toMillis()
                + " ms)");
      }
    }
    for (String table : statement.rewritten()) {
      reasons.add("rewrote " + table);
    }
    return reasons;
  }
}
