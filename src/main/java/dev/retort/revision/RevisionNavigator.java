package dev.retort.revision;

import static dev.retort.error.RetortException.invalidInput;
import static dev.retort.error.RetortException.revisionGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a command's target ({@code head}, {@code heads}, {@code base}, {@code +N}, {@code -N}, a
 * revision or a unique prefix of one) and the database's current heads into a {@link
 * MigrationPath}. Pure: the caller reads the heads from the version table.
 */
public final class RevisionNavigator {

  private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");

  private final RevisionGraph graph;

  public RevisionNavigator(RevisionGraph graph) {
    this.graph = graph;
  }

  public RevisionGraph graph() {
    return graph;
  }

  /** Fails (exit 4) when the database records a revision no migration defines. */
  public void requireKnown(List<String> currentHeads) {
    for (String head : currentHeads) {
      if (!graph.contains(head)) {
        throw revisionGraph(
            "the database is at revision "
                + head
                + ", which no migration defines"
                + " (was its file deleted or renamed?)",
            "restore the migration, or run 'retort stamp <revision> --purge' to record where the"
                + " database really is");
      }
    }
  }

  /** The single head, failing with advice when there are several. */
  public String singleHead() {
    List<String> heads = graph.heads();
    if (heads.size() > 1) {
      throw revisionGraph(
          "the migrations have " + heads.size() + " heads: " + String.join(", ", heads),
          "merge them with 'retort merge -m \"merge\" "
              + String.join(" ", heads)
              + "', or name one, or use 'heads'");
    }
    return heads.isEmpty() ? null : heads.get(0);
  }

  public MigrationPath upgrade(List<String> currentHeads, String target) {
    requireKnown(currentHeads);
    List<MigrationScript> steps;
    Matcher relative = RELATIVE.matcher(target);
    if (target.equals("head")) {
      String head = singleHead();
      steps = head == null ? List.of() : graph.upgradePath(currentHeads, List.of(head));
    } else if (target.equals("heads")) {
      steps = graph.upgradePath(currentHeads, graph.heads());
    } else if (relative.matches()) {
      if (relative.group(1).equals("-")) {
        throw invalidInput(
            "upgrade cannot go to " + target, "use 'retort downgrade " + target + "'");
      }
      int count = Integer.parseInt(relative.group(2));
      List<MigrationScript> all = graph.upgradePath(currentHeads, graph.heads());
      if (count > all.size()) {
        throw revisionGraph(
            "cannot upgrade " + target + ": only " + all.size() + " revision(s) are not applied",
            "run 'retort history' to see them");
      }
      steps = all.subList(0, count);
    } else if (target.equals("base")) {
      throw invalidInput("upgrade cannot go to base", "use 'retort downgrade base'");
    } else {
      steps = graph.upgradePath(currentHeads, List.of(graph.resolve(target)));
    }
    return new MigrationPath(graph, Direction.UPGRADE, currentHeads, steps);
  }

  public MigrationPath downgrade(List<String> currentHeads, String target) {
    requireKnown(currentHeads);
    List<MigrationScript> steps;
    Matcher relative = RELATIVE.matcher(target);
    if (target.equals("base")) {
      steps = graph.downgradePath(currentHeads, null);
    } else if (relative.matches()) {
      if (relative.group(1).equals("+")) {
        throw invalidInput(
            "downgrade cannot go to " + target, "use 'retort upgrade " + target + "'");
      }
      int count = Integer.parseInt(relative.group(2));
      List<MigrationScript> all = graph.downgradePath(currentHeads, null);
      if (count > all.size()) {
        throw revisionGraph(
            "cannot downgrade " + target + ": only " + all.size() + " revision(s) are applied",
            "use 'retort downgrade base' to undo everything");
      }
      steps = all.subList(0, count);
    } else if (target.equals("head") || target.equals("heads")) {
      throw invalidInput("downgrade cannot go to " + target, "use 'retort upgrade " + target + "'");
    } else {
      String revision = graph.resolve(target);
      if (!graph.appliedBy(currentHeads).contains(revision)) {
        throw revisionGraph(
            "revision "
                + revision
                + " is not applied to the database, so it cannot be a downgrade"
                + " target",
            "run 'retort current' and 'retort history' to choose a target");
      }
      steps = graph.downgradePath(currentHeads, revision);
    }
    return new MigrationPath(graph, Direction.DOWNGRADE, currentHeads, steps);
  }

  /**
   * The parents of a new revision: {@code head} when named (to start a branch), else the single
   * head, or none for the first revision.
   */
  public List<String> newRevisionParents(String head) {
    if (head != null) {
      return List.of(graph.resolve(head));
    }
    String single = singleHead();
    return single == null ? List.of() : List.of(single);
  }

  /**
   * The parents of a merge: the named revisions ({@code heads} for all heads) in the order given,
   * at least two, none an ancestor of another.
   */
  public List<String> mergeParents(List<String> revisions) {
    List<String> parents = new ArrayList<>();
    for (String revision : revisions) {
      List<String> named =
          revision.equals("heads") ? graph.heads() : List.of(graph.resolve(revision));
      named.stream().filter(id -> !parents.contains(id)).forEach(parents::add);
    }
    if (parents.size() < 2) {
      throw invalidInput(
          "merge needs at least two different revisions, got " + String.join(", ", parents),
          "name the heads to merge (see 'retort heads')");
    }
    for (String parent : parents) {
      for (String other : parents) {
        if (!parent.equals(other) && graph.ancestorsOf(other).contains(parent)) {
          throw revisionGraph(
              parent + " is already an ancestor of " + other + ", so there is nothing to merge",
              "merge heads only (see 'retort heads')");
        }
      }
    }
    return parents;
  }

  /** A revision id for a new migration: usable in a class and the version table, and not taken. */
  public void requireNewId(String id) {
    RevisionIds.requireUsable(id, "revision id");
    if (graph.contains(id)) {
      throw revisionGraph("revision " + id + " already exists", "choose another --rev-id");
    }
  }

  /** The heads a stamp to {@code target} records. */
  public List<String> stampHeads(String target) {
    if (target.equals("base")) {
      return List.of();
    }
    if (target.equals("heads")) {
      return graph.heads();
    }
    if (target.equals("head")) {
      String head = singleHead();
      return head == null ? List.of() : List.of(head);
    }
    return List.of(graph.resolve(target));
  }

  /**
   * The starting heads of an offline range's lower end ({@code base}, or a revision), for {@code
   * --sql FROM:TO}.
   */
  public List<String> offlineStart(String from) {
    return from == null || from.equals("base") ? List.of() : List.of(graph.resolve(from));
  }
}
