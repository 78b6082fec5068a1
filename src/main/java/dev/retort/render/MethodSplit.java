package dev.retort.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a method body into consecutive groups of statements, each within a size budget, for a
 * migration too large for one JVM method (an initial migration of hundreds of tables, a squash).
 * Statements are never reordered or cut: a group ends where the next statement would not fit.
 */
final class MethodSplit {

  private MethodSplit() {}

  /** The groups, in order; one group when everything fits. */
  static List<List<MethodBody.Part>> groups(List<MethodBody.Part> parts, int budget) {
    List<List<MethodBody.Part>> groups = new ArrayList<>();
    List<MethodBody.Part> current = new ArrayList<>();
    int size = 0;
    for (MethodBody.Part part : parts) {
      int partSize = size(part);
      if (!current.isEmpty() && size + partSize > budget) {
        groups.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(part);
      size += partSize;
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** What counts toward a method's size: the code, not the comments (they compile to nothing). */
  static int size(MethodBody.Part part) {
    return part.code()
        .toString()
        .lines()
        .filter(line -> !line.strip().startsWith("//"))
        .mapToInt(line -> line.length() + 1)
        .sum();
  }

  /** ": tables a to f", or ": table a", or nothing when the statements name no table. */
  static String covering(List<MethodBody.Part> group) {
    Set<String> tables = new LinkedHashSet<>();
    group.stream().map(MethodBody.Part::subject).filter(Objects::nonNull).forEach(tables::add);
    if (tables.isEmpty()) {
      return "";
    }
    List<String> names = List.copyOf(tables);
    if (names.size() == 1) {
      return ": table " + names.get(0);
    }
    return ": tables " + names.get(0) + " to " + names.get(names.size() - 1);
  }
}
