package dev.retort.plan;

import dev.retort.schema.SqlType;
import java.util.List;
import java.util.Set;

/**
 * Whether {@code ALTER COLUMN ... TYPE} rewrites the table. PostgreSQL skips the rewrite (and the
 * index rebuild) only when the old values are valid in the new type as they are stored: a varchar
 * made longer or unbounded, varchar to text, a numeric given more precision at the same scale, a
 * time type given more precision. Everything else rewrites under ACCESS EXCLUSIVE.
 */
final class TypeRewrites {

  private static final Set<String> VARCHARS = Set.of("character varying", "varchar");
  private static final Set<String> TIME_TYPES =
      Set.of(
          "timestamp without time zone",
          "timestamp with time zone",
          "time without time zone",
          "time with time zone",
          "interval");

  private TypeRewrites() {}

  static boolean rewrites(SqlType from, SqlType to) {
    if (from.equals(to)) {
      return false;
    }
    if (from.isUserDefined()
        || to.isUserDefined()
        || from.arrayDimensions() != to.arrayDimensions()) {
      return true;
    }
    String a = from.name();
    String b = to.name();
    List<Integer> am = from.numericModifiers();
    List<Integer> bm = to.numericModifiers();
    if (VARCHARS.contains(a) && (VARCHARS.contains(b) || b.equals("text"))) {
      return !widens(am, bm);
    }
    if (a.equals("text") && VARCHARS.contains(b)) {
      return !bm.isEmpty();
    }
    if (a.equals("numeric") && b.equals("numeric")) {
      return !(bm.isEmpty()
          || am.size() == 2
              && bm.size() == 2
              && bm.get(0) >= am.get(0)
              && bm.get(1).equals(am.get(1))
          || am.size() == 1 && bm.size() == 1 && bm.get(0) >= am.get(0));
    }
    if (a.equals(b) && (TIME_TYPES.contains(a) || a.equals("bit varying"))) {
      return !widens(am, bm);
    }
    return true;
  }

  /** Whether a length or precision limit grows or goes (an empty list is no limit). */
  private static boolean widens(List<Integer> from, List<Integer> to) {
    return to.isEmpty() || !from.isEmpty() && to.get(0) >= from.get(0);
  }
}
