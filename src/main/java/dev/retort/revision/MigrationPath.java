package dev.retort.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The migrations to run, in order, from a starting set of heads. {@link #headsAfter(int)} gives the
 * version-table state after each step, which the runner records as it goes.
 */
public record MigrationPath(
    RevisionGraph graph,
    Direction direction,
    List<String> startHeads,
    List<MigrationScript> steps) {

  public MigrationPath {
    startHeads = List.copyOf(startHeads);
    steps = List.copyOf(steps);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The heads once the first {@code count} steps have run. */
  public List<String> headsAfter(int count) {
    Set<String> applied = new TreeSet<>(graph.appliedBy(startHeads));
    for (MigrationScript step : steps.subList(0, count)) {
      if (direction == Direction.UPGRADE) {
        applied.add(step.id());
      } else {
        applied.remove(step.id());
      }
    }
    return graph.headsOf(applied);
  }

  public List<String> endHeads() {
    return headsAfter(steps.size());
  }

  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    steps.forEach(s -> ids.add(s.id()));
    return ids;
  }
}
