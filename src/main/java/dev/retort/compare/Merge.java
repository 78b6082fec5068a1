package dev.retort.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The one merge loop every comparator uses (after jOOQ's {@code Diff}): both sides sorted by a key,
 * walked together, each key reported as only-in-from, only-in-to, or in both. Deterministic by
 * construction: output follows key order, never hash order.
 */
final class Merge {

  /** The result for one key. Exactly one of {@code from}/{@code to} may be null. */
  record Pair<T>(T from, T to) {
    boolean onlyFrom() {
      return to == null;
    }

    boolean onlyTo() {
      return from == null;
    }
  }

  private Merge() {}

  /** Items matched by a key, such as a name. */
  static <T, K extends Comparable<K>> List<Pair<T>> merge(
      List<T> from, List<T> to, Function<T, K> key) {
    return merge(from, to, Comparator.comparing(key));
  }

  /** Items matched when {@code order} ranks them equal. */
  static <T> List<Pair<T>> merge(List<T> from, List<T> to, Comparator<? super T> order) {
    List<T> left = from.stream().sorted(order).toList();
    List<T> right = to.stream().sorted(order).toList();
    List<Pair<T>> pairs = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < left.size() || j < right.size()) {
      if (j == right.size()) {
        pairs.add(new Pair<>(left.get(i++), null));
      } else if (i == left.size()) {
        pairs.add(new Pair<>(null, right.get(j++)));
      } else {
        int c = order.compare(left.get(i), right.get(j));
        if (c < 0) {
          pairs.add(new Pair<>(left.get(i++), null));
        } else if (c > 0) {
          pairs.add(new Pair<>(null, right.get(j++)));
        } else {
          pairs.add(new Pair<>(left.get(i++), right.get(j++)));
        }
      }
    }
    return pairs;
  }
}
