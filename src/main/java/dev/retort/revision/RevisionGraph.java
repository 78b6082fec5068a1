package dev.retort.revision;

import static dev.retort.error.RetortException.revisionGraph;

import dev.retort.schema.ColumnRef;
import dev.retort.schema.OrdinalOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The migrations as a directed acyclic graph (pure: no IO). Revisions may branch (two children of
 * one parent) and merge (one child of several parents). The database's state is the set of its
 * heads; everything an upgrade or downgrade does is derived from the set of applied revisions, the
 * ancestors of those heads.
 */
public final class RevisionGraph {

  /** Ties in the topological order break by creation time, then id, so orders are stable. */
  private static final Comparator<MigrationScript> STABLE =
      Comparator.comparing(MigrationScript::created).thenComparing(MigrationScript::id);

  private final Map<String, MigrationScript> byId;
  private final Map<String, List<String>> children;
  private final List<MigrationScript> ordered;
  private final Map<String, Integer> position;
  private final Squashes squashes;

  /** The graph of the loaded scripts; squashes and the revisions they replace are settled first. */
  public RevisionGraph(Collection<MigrationScript> loaded) {
    this.squashes = Squashes.resolve(List.copyOf(loaded));
    List<MigrationScript> scripts = squashes.scripts();
    this.byId = indexById(scripts);
    this.children = childrenOf(byId);
    this.ordered = topologicalOrder(byId, children);
    this.position = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      position.put(ordered.get(i).id(), i);
    }
  }

  /** The children of a revision (unsorted, not copied): for walks that only test membership. */
  Collection<String> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  /** Revisions in the graph's order (parents before children, stable); unknown ones last. */
  public List<String> inGraphOrder(Collection<String> ids) {
    return ids.stream()
        .sorted(Comparator.comparingInt(id -> position.getOrDefault(id, Integer.MAX_VALUE)))
        .toList();
  }

  private static Map<String, MigrationScript> indexById(Collection<MigrationScript> scripts) {
    Map<String, MigrationScript> map = new TreeMap<>();
    for (MigrationScript script : scripts) {
      MigrationScript previous = map.put(script.id(), script);
      if (previous != null) {
        throw revisionGraph(
            "duplicate revision id "
                + script.id()
                + " in "
                + previous.source()
                + " and "
                + script.source(),
            "give one of them a new id in its @Revision annotation (and in the revises of its children)");
      }
    }
    for (MigrationScript script : map.values()) {
      for (String parent : script.parents()) {
        if (!map.containsKey(parent)) {
          throw revisionGraph(
              "revision "
                  + script.id()
                  + " ("
                  + script.source()
                  + ") revises "
                  + parent
                  + ", which no migration defines",
              "restore the missing migration, or correct revises in " + script.source());
        }
        if (parent.equals(script.id())) {
          throw revisionGraph("revision " + script.id() + " revises itself", "correct its revises");
        }
      }
    }
    return map;
  }

  private static Map<String, List<String>> childrenOf(Map<String, MigrationScript> byId) {
    Map<String, List<String>> children = new HashMap<>();
    for (MigrationScript script : byId.values()) {
      children.putIfAbsent(script.id(), new ArrayList<>());
      for (String parent : script.parents()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(script.id());
      }
    }
    return children;
  }

  private static List<MigrationScript> topologicalOrder(
      Map<String, MigrationScript> byId, Map<String, List<String>> children) {
    Map<String, Integer> waiting = new HashMap<>();
    PriorityQueue<MigrationScript> ready = new PriorityQueue<>(STABLE);
    for (MigrationScript script : byId.values()) {
      int parents = new LinkedHashSet<>(script.parents()).size();
      waiting.put(script.id(), parents);
      if (parents == 0) {
        ready.add(script);
      }
    }
    List<MigrationScript> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      MigrationScript next = ready.poll();
      order.add(next);
      for (String child : children.get(next.id())) {
        if (waiting.merge(child, -1, Integer::sum) == 0) {
          ready.add(byId.get(child));
        }
      }
    }
    if (order.size() != byId.size()) {
      String cycle =
          byId.keySet().stream()
              .filter(id -> waiting.get(id) > 0)
              .sorted()
              .collect(Collectors.joining(", "));
      throw revisionGraph(
          "the revisions " + cycle + " form a cycle", "correct the revises of one of them");
    }
    return List.copyOf(order);
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** All revisions, parents before children. */
  public List<MigrationScript> inOrder() {
    return ordered;
  }

  public MigrationScript get(String id) {
    MigrationScript script = byId.get(id);
    if (script == null) {
      throw new IllegalArgumentException("no revision " + id);
    }
    return script;
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  public List<String> childrenOf(String id) {
    return children.getOrDefault(id, List.of()).stream().sorted().toList();
  }

  /** Revisions nothing revises, in a stable order. */
  public List<String> heads() {
    return ordered.stream()
        .map(MigrationScript::id)
        .filter(id -> children.get(id).isEmpty())
        .toList();
  }

  public boolean isBranchPoint(String id) {
    return children.getOrDefault(id, List.of()).size() > 1;
  }

  /**
   * Resolves a full id or a unique prefix of one.
   *
   * @throws dev.retort.error.RetortException (exit 4) for an unknown or ambiguous id
   */
  public String resolve(String idOrPrefix) {
    if (byId.containsKey(idOrPrefix)) {
      return idOrPrefix;
    }
    String standIn = squashes.aliases().get(idOrPrefix);
    if (standIn != null) {
      return standIn;
    }
    List<String> matches =
        byId.keySet().stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw revisionGraph(
          "no revision matches '" + idOrPrefix + "'", "run 'retort history' to see the revisions");
    }
    throw revisionGraph(
        "revision prefix '"
            + idOrPrefix
            + "' is ambiguous: it matches "
            + String.join(", ", matches),
        "type more characters of the id");
  }

  /**
   * What the heads a database records mean in this graph: a squash's last replaced revision is the
   * squash once the replaced files are gone (and the squash is that revision while they exist).
   *
   * @throws dev.retort.error.RetortException (exit 4) for a revision a squash replaced partway
   *     whose file is gone, saying how to get past it
   */
  public List<String> canonical(List<String> recorded) {
    return recorded.stream().map(squashes::canonical).distinct().sorted().toList();
  }

  /**
   * Squashes not in use because every revision they replace still has its file, each with the
   * revisions it replaces.
   */
  public Map<String, List<String>> waitingSquashes() {
    return squashes.waiting();
  }

  /** The revision and all revisions it depends on. */
  public Set<String> ancestorsOf(String id) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(get(next).parents());
      }
    }
    return seen;
  }

  /** The applied revisions of a database whose heads are {@code heads}. */
  public Set<String> appliedBy(Collection<String> heads) {
    Set<String> applied = new TreeSet<>();
    for (String head : heads) {
      applied.addAll(ancestorsOf(head));
    }
    return applied;
  }

  /** The heads of a set of applied revisions: those none of whose children are applied. */
  public List<String> headsOf(Set<String> applied) {
    return ordered.stream()
        .map(MigrationScript::id)
        .filter(applied::contains)
        .filter(id -> children.get(id).stream().noneMatch(applied::contains))
        .toList();
  }

  /** Revisions to apply to reach {@code targets} from {@code heads}, parents first. */
  public List<MigrationScript> upgradePath(Collection<String> heads, Collection<String> targets) {
    Set<String> applied = appliedBy(heads);
    Set<String> wanted = appliedBy(targets);
    return ordered.stream()
        .filter(s -> wanted.contains(s.id()) && !applied.contains(s.id()))
        .toList();
  }

  /**
   * Revisions to undo to go down to {@code target} (null for base), children first. Everything
   * applied that {@code target} does not depend on is undone.
   */
  public List<MigrationScript> downgradePath(Collection<String> heads, String target) {
    Set<String> applied = appliedBy(heads);
    Set<String> keep = target == null ? Set.of() : ancestorsOf(target);
    List<MigrationScript> path = new ArrayList<>();
    for (int i = ordered.size() - 1; i >= 0; i--) {
      MigrationScript script = ordered.get(i);
      if (applied.contains(script.id()) && !keep.contains(script.id())) {
        path.add(script);
      }
    }
    return path;
  }

  /**
   * The ORDINAL enum orders in force for a database at {@code heads}: the latest record of each
   * column among the applied revisions.
   */
  public Map<ColumnRef, OrdinalOrder> ordinalOrders(Collection<String> heads) {
    Set<String> applied = appliedBy(heads);
    Map<ColumnRef, OrdinalOrder> orders = new TreeMap<>();
    for (MigrationScript script : ordered) {
      if (applied.contains(script.id())) {
        script.ordinalOrders().forEach(order -> orders.put(order.key(), order));
      }
    }
    return orders;
  }

  /** The revision and all revisions that depend on it. */
  public Set<String> descendantsOf(String id) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(children.getOrDefault(next, List.of()));
      }
    }
    return seen;
  }

  /**
   * Revisions between two ends, both included, parents first; a null end is open (base or the
   * heads).
   */
  public List<MigrationScript> between(String from, String to) {
    Set<String> upper = to == null ? byId.keySet() : ancestorsOf(to);
    Set<String> lower = from == null ? byId.keySet() : descendantsOf(from);
    return ordered.stream().filter(s -> upper.contains(s.id()) && lower.contains(s.id())).toList();
  }
}
