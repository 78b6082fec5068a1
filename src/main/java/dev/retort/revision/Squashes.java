package dev.retort.revision;

import static dev.retort.error.RetortException.revisionGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a squash and the revisions it replaces the graph uses (pure). While every replaced file
 * exists, the originals are used, so a database anywhere along them keeps upgrading one step at a
 * time; the squash is left out and its id means the last replaced revision (a database built from
 * the squash before the originals came back). Once any replaced file is gone, the squash is used:
 * the revision it is equivalent to (the last replaced) means the squash, children of that revision
 * revise the squash, and a database recorded at a revision in between can no longer be upgraded,
 * which {@link #canonical} says with what to do.
 *
 * @param scripts the scripts the graph is built from
 * @param aliases recorded or typed ids that mean another revision of the graph
 * @param midway replaced revisions that no longer exist, each with the squash that replaced it
 * @param waiting squashes left out because their replaced files all exist, with what they replace
 */
record Squashes(
    List<MigrationScript> scripts,
    Map<String, String> aliases,
    Map<String, String> midway,
    Map<String, List<String>> waiting) {

  static Squashes resolve(List<MigrationScript> loaded) {
    Map<String, MigrationScript> byId = new LinkedHashMap<>();
    loaded.forEach(script -> byId.putIfAbsent(script.id(), script));
    Set<String> leftOut = new TreeSet<>();
    Map<String, String> aliases = new HashMap<>();
    Map<String, String> midway = new HashMap<>();
    Map<String, List<String>> waiting = new HashMap<>();
    for (MigrationScript squash : loaded) {
      if (!squash.isSquash()) {
        continue;
      }
      List<String> replaced = squash.replaces();
      String equivalent = replaced.get(replaced.size() - 1);
      if (replaced.stream().allMatch(byId::containsKey)) {
        leftOut.add(squash.id());
        aliases.put(squash.id(), equivalent);
        waiting.put(squash.id(), replaced);
      } else {
        leftOut.addAll(replaced);
        aliases.put(equivalent, squash.id());
        replaced.stream()
            .filter(id -> !id.equals(equivalent))
            .forEach(id -> midway.put(id, squash.id()));
      }
    }
    List<MigrationScript> scripts = new ArrayList<>();
    for (MigrationScript script : loaded) {
      if (leftOut.contains(script.id())) {
        continue;
      }
      List<String> parents = new ArrayList<>();
      for (String parent : script.parents()) {
        if (midway.containsKey(parent)) {
          throw revisionGraph(
              "revision "
                  + script.id()
                  + " ("
                  + script.source()
                  + ") revises "
                  + parent
                  + ", which squash "
                  + midway.get(parent)
                  + " replaced partway",
              "restore the replaced migrations from version control, or make it revise "
                  + midway.get(parent));
        }
        String alias = aliases.get(parent);
        parents.add(alias != null && !leftOut.contains(alias) ? alias : parent);
      }
      scripts.add(parents.equals(script.parents()) ? script : script.withParents(parents));
    }
    return new Squashes(
        List.copyOf(scripts), Map.copyOf(aliases), Map.copyOf(midway), Map.copyOf(waiting));
  }

  /** What a recorded or typed id means in this graph (itself when nothing stands for it). */
  String canonical(String id) {
    String squash = midway.get(id);
    if (squash != null) {
      throw revisionGraph(
          "the database is at revision "
              + id
              + ", which squash "
              + squash
              + " replaced; its migration file is gone, so the steps from there to the squash"
              + " cannot run",
          "restore the replaced migrations from version control (git checkout <commit> --"
              + " <migrations dir>) and upgrade past "
              + squash
              + "'s last replaced revision, then delete them again");
    }
    return aliases.getOrDefault(id, id);
  }
}
