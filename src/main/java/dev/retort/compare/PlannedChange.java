package dev.retort.compare;

import dev.retort.operation.Operation;
import java.util.List;

/**
 * One operation of a plan, with the line that describes it to a reader ("added column 'users.bio'")
 * and the review flags that belong right above it.
 */
public record PlannedChange(Operation operation, String summary, List<ReviewFlag> flags) {

  public PlannedChange {
    flags = List.copyOf(flags);
  }

  public static PlannedChange of(Operation operation, String summary, ReviewFlag... flags) {
    return new PlannedChange(operation, summary, List.of(flags));
  }
}
