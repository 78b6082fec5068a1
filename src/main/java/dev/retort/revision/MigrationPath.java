package dev.retort.revision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * How the run's outcome reads: {@code Applied 3 upgrades; the database is at 3f2a9c1e7b44.}, or
   * {@code Nothing to upgrade; ...}.
   *
   * @param verb {@code upgrade} or {@code downgrade}
   */
  public String outcome(String verb) {
    List<String> end = endHeads();
    String state = end.isEmpty() ? "base (no revision applied)" : String.join(", ", end);
    if (steps.isEmpty()) {
      return "Nothing to " + verb + "; the database is at " + state + ".";
    }
    return "Applied "
        + steps.size()
        + " "
        + verb
        + (steps.size() == 1 ? "" : "s")
        + "; the database is at "
        + state
        + ".";
  }

  /**
   * The heads after each step, in order: what the version table records as the run goes. Computed
   * in one pass, step by step (a step's parents stop being heads when it is applied; when it is
   * undone, each parent with no other applied child becomes a head again), so that a history of
   * thousands of migrations costs time in proportion to its length.
   */
  public List<List<String>> headsAfterEachStep() {
    Set<String> applied = new HashSet<>(graph.appliedBy(startHeads));
    Set<String> heads = new LinkedHashSet<>(startHeads);
    List<List<String>> after = new ArrayList<>(steps.size());
    for (MigrationScript step : steps) {
      if (direction == Direction.UPGRADE) {
        applied.add(step.id());
        heads.removeAll(step.parents());
        heads.add(step.id());
      } else {
        applied.remove(step.id());
        heads.remove(step.id());
        for (String parent : step.parents()) {
          if (graph.children(parent).stream().noneMatch(applied::contains)) {
            heads.add(parent);
          }
        }
      }
      after.add(graph.inGraphOrder(heads));
    }
    return after;
  }

  /** The heads once every step has run. */
  public List<String> endHeads() {
    return steps.isEmpty()
        ? graph.inGraphOrder(startHeads)
        : headsAfterEachStep().get(steps.size() - 1);
  }

  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    steps.forEach(s -> ids.add(s.id()));
    return ids;
  }
}
