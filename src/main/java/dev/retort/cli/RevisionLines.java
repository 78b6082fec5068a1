package dev.retort.cli;

import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Revisions as Alembic users know them: {@code 1a2b3c -> 3f2a9c (head), add user bio}. */
final class RevisionLines {

  private RevisionLines() {}

  static String line(RevisionGraph graph, MigrationScript script, Collection<String> current) {
    String parents = script.parents().isEmpty() ? "<base>" : String.join(", ", script.parents());
    return parents
        + " -> "
        + script.id()
        + markers(graph, script, current)
        + ", "
        + script.message();
  }

  static String markers(RevisionGraph graph, MigrationScript script, Collection<String> current) {
    List<String> marks = new ArrayList<>();
    if (graph.childrenOf(script.id()).isEmpty()) {
      marks.add("(head)");
    }
    if (current.contains(script.id())) {
      marks.add("(current)");
    }
    if (graph.isBranchPoint(script.id())) {
      marks.add("(branchpoint)");
    }
    if (script.isMerge()) {
      marks.add("(mergepoint)");
    }
    return marks.isEmpty() ? "" : " " + String.join(" ", marks);
  }

  static List<String> verbose(
      RevisionGraph graph, MigrationScript script, Collection<String> current) {
    List<String> lines = new ArrayList<>();
    lines.add("Rev: " + script.id() + markers(graph, script, current));
    lines.add(
        (script.isMerge() ? "Merges: " : "Parent: ")
            + (script.parents().isEmpty() ? "<base>" : String.join(", ", script.parents())));
    List<String> children = graph.childrenOf(script.id());
    if (graph.isBranchPoint(script.id())) {
      lines.add("Branches into: " + String.join(", ", children));
    }
    lines.add("Path: " + script.source());
    if (!script.created().isEmpty()) {
      lines.add("Created: " + script.created());
    }
    lines.add("");
    lines.add("    " + script.message());
    lines.add("");
    return lines;
  }
}
