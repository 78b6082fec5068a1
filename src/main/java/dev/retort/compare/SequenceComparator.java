package dev.retort.compare;

import dev.retort.operation.AlterSequence;
import dev.retort.operation.Change;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.DropSequence;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Standalone sequences. A sequence owned by a column (a serial) belongs to that column and is
 * compared with it, never here.
 */
final class SequenceComparator {

  private SequenceComparator() {}

  static List<PlannedChange> compare(Schema live, Schema target) {
    List<PlannedChange> changes = new ArrayList<>();
    List<Sequence> from = live.sequences().stream().filter(s -> s.ownedBy() == null).toList();
    List<Sequence> to = target.sequences().stream().filter(s -> s.ownedBy() == null).toList();
    for (Merge.Pair<Sequence> pair : Merge.merge(from, to, Sequence::name)) {
      if (pair.onlyTo()) {
        changes.add(
            PlannedChange.of(
                new CreateSequence(pair.to()), "added sequence '" + pair.to().name() + "'"));
      } else if (pair.onlyFrom()) {
        changes.add(
            PlannedChange.of(
                new DropSequence(pair.from().name(), pair.from()),
                "removed sequence '" + pair.from().name() + "'",
                ReviewFlag.of(
                    ReviewFlag.Kind.DATA_LOSS,
                    "dropping sequence "
                        + pair.from().name()
                        + " loses its position; the"
                        + " downgrade recreates it at its start, so numbers it already gave out come again")));
      } else if (!pair.from().options().equals(pair.to().options())) {
        changes.add(
            PlannedChange.of(
                new AlterSequence(
                    pair.from().name(), Change.of(pair.from().options(), pair.to().options())),
                "changed sequence '"
                    + pair.from().name()
                    + "' ("
                    + describe(pair.from())
                    + " -> "
                    + describe(pair.to())
                    + ")"));
      }
    }
    return changes;
  }

  private static String describe(Sequence sequence) {
    var o = sequence.options();
    List<String> parts = new ArrayList<>();
    parts.add("increment " + (o.increment() == null ? 1 : o.increment()));
    if (o.start() != null) {
      parts.add("start " + o.start());
    }
    if (o.cache() != null) {
      parts.add("cache " + o.cache());
    }
    if (o.cycle()) {
      parts.add("cycle");
    }
    return String.join(", ", parts);
  }
}
