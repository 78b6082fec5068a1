package dev.retort.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Revisions as Alembic users know them: {@code 1a2b3c -> 3f2a9c (head), add user bio}; the same
 * lines from the command line and the Maven plugin.
 */
public final class RevisionLines {

  private RevisionLines() {}

  public static String line(
      RevisionGraph graph, MigrationScript script, Collection<String> current) {
    return parents(script)
        + " -> "
        + script.id()
        + markers(graph, script, current)
        + ", "
        + script.message();
  }

  public static String markers(
      RevisionGraph graph, MigrationScript script, Collection<String> current) {
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

  public static List<String> verbose(
      RevisionGraph graph, MigrationScript script, Collection<String> current) {
    List<String> lines = new ArrayList<>();
    lines.add("Rev: " + script.id() + markers(graph, script, current));
    lines.add((script.isMerge() ? "Merges: " : "Parent: ") + parents(script));
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

  /** A revision's parents, {@code <base>} for none. */
  public static String parents(MigrationScript script) {
    return script.parents().isEmpty() ? "<base>" : String.join(", ", script.parents());
  }

  /**
   * A pending migration: {@code 1a2b3c -> 3f2a9c, add user bio (migrations/M..._AddUserBio.java)}.
   */
  public static String pending(MigrationScript script) {
    return parents(script)
        + " -> "
        + script.id()
        + ", "
        + script.message()
        + " ("
        + script.source()
        + ")";
  }
}
