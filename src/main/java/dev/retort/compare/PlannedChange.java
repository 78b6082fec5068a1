package dev.retort.compare;

import dev.retort.operation.Operation;
import java.util.List;

/**
 * One operation of a plan, with the line that describes it to a reader ("added column
 * 'users.bio'"), the review flags that belong right above it, and what it locks while it runs.
 *
 * @param lock what the operation locks, or null before the plan's locks are analyzed
 */
public record PlannedChange(
    Operation operation, String summary, List<ReviewFlag> flags, LockImpact lock) {

  public PlannedChange {
    flags = List.copyOf(flags);
  }

  public PlannedChange(Operation operation, String summary, List<ReviewFlag> flags) {
    this(operation, summary, flags, null);
  }

  public static PlannedChange of(Operation operation, String summary, ReviewFlag... flags) {
    return new PlannedChange(operation, summary, List.of(flags));
  }

  public PlannedChange withLock(LockImpact value) {
    return new PlannedChange(operation, summary, flags, value);
  }

  public PlannedChange withFlags(List<ReviewFlag> value) {
    return new PlannedChange(operation, summary, value, lock);
  }
}
