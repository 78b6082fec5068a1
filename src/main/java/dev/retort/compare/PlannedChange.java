package dev.retort.compare;

import dev.retort.operation.Operation;
import java.util.List;

/**
 * One operation of a plan, with the line that describes it to a reader ("added column
 * 'users.bio'"), the review flags that belong right above it, and what it locks while it runs.
 *
 * @param lock what the operation locks, or null before the plan's locks are analyzed
 * @param undo what undoes this step in the downgrade when it is not the operation's own reverse (a
 *     helper step another one undoes already: an index a constraint takes over, a check that only
 *     lives between two steps), or null for {@link Operation#reverse()}
 */
public record PlannedChange(
    Operation operation,
    String summary,
    List<ReviewFlag> flags,
    LockImpact lock,
    List<Operation> undo) {

  public PlannedChange {
    flags = List.copyOf(flags);
    undo = undo == null ? null : List.copyOf(undo);
  }

  public PlannedChange(Operation operation, String summary, List<ReviewFlag> flags) {
    this(operation, summary, flags, null, null);
  }

  /** The steps that undo this one, in execution order. */
  public List<Operation> reverse() {
    return undo != null ? undo : operation.reverse();
  }

  /** The same step, undone by {@code value} in the downgrade instead of its own reverse. */
  public PlannedChange undoneBy(List<Operation> value) {
    return new PlannedChange(operation, summary, flags, lock, value);
  }

  public static PlannedChange of(Operation operation, String summary, ReviewFlag... flags) {
    return new PlannedChange(operation, summary, List.of(flags));
  }

  public PlannedChange withLock(LockImpact value) {
    return new PlannedChange(operation, summary, flags, value, undo);
  }

  public PlannedChange withFlags(List<ReviewFlag> value) {
    return new PlannedChange(operation, summary, value, lock, undo);
  }
}
