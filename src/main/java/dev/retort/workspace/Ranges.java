package dev.retort.workspace;

import dev.retort.error.RetortException;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import java.util.List;

/** Revision ranges as commands take them: {@code FROM:TO}, either end a revision or a keyword. */
final class Ranges {

  private Ranges() {}

  /** {@code [from, to]}, {@code from} null when the range is a single target. */
  static String[] split(String target) {
    int colon = target.indexOf(':');
    if (colon < 0) {
      return new String[] {null, target};
    }
    String from = target.substring(0, colon);
    String to = target.substring(colon + 1);
    if (from.isEmpty() || to.isEmpty()) {
      throw RetortException.invalidInput(
          "range '" + target + "' needs both ends", "write FROM:TO, e.g. base:head or 1a2b:3c4d");
    }
    return new String[] {from, to};
  }

  /** The revisions of a history range ({@code FROM:TO}, either end optional), parents first. */
  static List<MigrationScript> select(RevisionGraph graph, String range) {
    if (range == null) {
      return graph.inOrder();
    }
    int colon = range.indexOf(':');
    if (colon < 0) {
      throw RetortException.invalidInput(
          "range '" + range + "' has no ':'", "write FROM:TO, e.g. base:head or 1a2b:");
    }
    return graph.between(
        end(graph, range.substring(0, colon)), end(graph, range.substring(colon + 1)));
  }

  private static String end(RevisionGraph graph, String value) {
    if (value.isEmpty() || value.equals("base") || value.equals("heads")) {
      return null;
    }
    if (value.equals("head")) {
      return new RevisionNavigator(graph).singleHead();
    }
    return graph.resolve(value);
  }
}
