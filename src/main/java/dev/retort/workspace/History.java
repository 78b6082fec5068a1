package dev.retort.workspace;

import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionLines;
import dev.retort.runtime.VersionTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The revisions of a history listing, newest first, with the database's current heads and its
 * applied history when they were asked for ({@link Workspace#history}).
 */
public record History(
    RevisionGraph graph,
    List<MigrationScript> revisions,
    List<String> current,
    List<VersionTable.Entry> applied,
    List<VersionTable.Partial> partial) {

  /**
   * The listing: migrations stopped partway first, then one line a revision, or with {@code
   * verbose} each revision's details and when it was applied.
   */
  public List<String> lines(boolean verbose) {
    List<String> lines = new ArrayList<>();
    partial.forEach(p -> lines.add(p.describe()));
    for (MigrationScript script : revisions) {
      if (!verbose) {
        lines.add(RevisionLines.line(graph, script, current));
        continue;
      }
      List<String> details = RevisionLines.verbose(graph, script, current);
      for (VersionTable.Entry entry : applied) {
        if (entry.revision().equals(script.id())) {
          details.add(details.size() - 1, applied(entry));
        }
      }
      lines.addAll(details);
    }
    return lines;
  }

  private static String applied(VersionTable.Entry entry) {
    return "    "
        + entry.direction()
        + " at "
        + entry.appliedAt()
        + (entry.durationMs() == null ? "" : " in " + entry.durationMs() + " ms")
        + " by "
        + entry.appliedBy();
  }
}
