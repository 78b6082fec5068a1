package dev.retort.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * What a comparator found: the changes to plan, and notes that belong to no change (what it left
 * alone, and why).
 */
record Findings(List<PlannedChange> changes, List<ReviewFlag> notes) {

  static final Findings NONE = new Findings(List.of(), List.of());

  Findings {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  static Findings of(List<PlannedChange> changes) {
    return new Findings(changes, List.of());
  }

  Findings plus(Findings other) {
    List<PlannedChange> allChanges = new ArrayList<>(changes);
    allChanges.addAll(other.changes);
    List<ReviewFlag> allNotes = new ArrayList<>(notes);
    allNotes.addAll(other.notes);
    return new Findings(allChanges, allNotes);
  }

  Findings plus(List<PlannedChange> more) {
    return plus(of(more));
  }
}
