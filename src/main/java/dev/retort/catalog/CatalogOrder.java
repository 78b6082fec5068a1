package dev.retort.catalog;

import dev.retort.catalog.CatalogRows.ConstraintRow;
import dev.retort.catalog.CatalogRows.IndexRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The order of a table's foreign keys, unique and check constraints and indexes: the order
 * SchemaCrawler, which read the catalog before, gave them. It is kept because a new table's
 * constraints and indexes are created in it, so another order would change generated migrations
 * that nothing else changed. Where SchemaCrawler left two of them in hash order (same keys, names
 * equal but for case and punctuation), the name decides.
 *
 * <p>The rules: foreign keys by their column pairs (fewer first; then pair by pair, the quoted
 * column's name, then the quoted schema, table and column referenced); constraints by their name
 * folded to lower-case letters, digits, '_' and '.'; indexes by their key columns (fewer first;
 * then key by key, the folded name of the column or expression), unique ones first, then by folded
 * name.
 */
final class CatalogOrder {

  private CatalogOrder() {}

  static final Comparator<ConstraintRow> FOREIGN_KEYS =
      ((Comparator<ConstraintRow>) CatalogOrder::compareReferences)
          .thenComparing(ConstraintRow::name);

  static final Comparator<ConstraintRow> CONSTRAINTS =
      Comparator.comparing((ConstraintRow c) -> folded(c.name()))
          .thenComparing(ConstraintRow::name);

  static final Comparator<IndexRow> INDEXES =
      ((Comparator<IndexRow>) CatalogOrder::compareKeys)
          .thenComparing(IndexRow::unique, Comparator.reverseOrder())
          .thenComparing(i -> folded(i.name()))
          .thenComparing(IndexRow::name);

  private static int compareReferences(ConstraintRow a, ConstraintRow b) {
    int count = Integer.compare(a.columns().size(), b.columns().size());
    if (count != 0) {
      return count;
    }
    for (int i = 0; i < a.columns().size(); i++) {
      // Both columns are in the same table: its name would be the same prefix of both.
      int column = quoted(a.columns().get(i)).compareTo(quoted(b.columns().get(i)));
      if (column != 0) {
        return column;
      }
      int referenced = referencedColumn(a, i).compareTo(referencedColumn(b, i));
      if (referenced != 0) {
        return referenced;
      }
    }
    return 0;
  }

  private static String referencedColumn(ConstraintRow key, int i) {
    return quoted(key.targetSchema())
        + "."
        + quoted(key.targetTable())
        + "."
        + quoted(key.targetColumns().get(i));
  }

  private static int compareKeys(IndexRow a, IndexRow b) {
    List<Map.Entry<String, Integer>> left = keyNames(a);
    List<Map.Entry<String, Integer>> right = keyNames(b);
    int count = Integer.compare(left.size(), right.size());
    for (int i = 0; count == 0 && i < left.size(); i++) {
      count = Integer.compare(left.get(i).getValue(), right.get(i).getValue());
      if (count == 0) {
        count = folded(left.get(i).getKey()).compareTo(folded(right.get(i).getKey()));
      }
    }
    return count;
  }

  /**
   * Each key's name (its column, or its expression as printed) with its position; a name repeated
   * counts once, at its last position, as SchemaCrawler kept index columns by name.
   */
  private static List<Map.Entry<String, Integer>> keyNames(IndexRow index) {
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < index.columns().size(); i++) {
      String expression = index.expressions().get(i);
      String name = expression.isEmpty() ? index.columns().get(i) : expression.strip();
      positions.put(name, i + 1);
    }
    List<Map.Entry<String, Integer>> names = new ArrayList<>(positions.entrySet());
    names.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .thenComparing(e -> folded(e.getKey()), Comparator.naturalOrder()));
    return names;
  }

  /** A name reduced to lower-case letters, digits, '_' and '.', as SchemaCrawler compared names. */
  static String folded(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.') {
        folded.append(Character.toLowerCase(ch));
      }
    }
    return folded.toString();
  }

  private static final Pattern IDENTIFIER = Pattern.compile("^[\\p{Nd}\\p{L}\\p{M}_]*$");
  private static final Pattern NUMERIC = Pattern.compile("^\\p{Nd}*$");

  /**
   * A name as SchemaCrawler's standard quoting wrote it in full names: in double quotes when it is
   * not a plain identifier (letters, digits and '_', not all digits), mixes upper and lower case,
   * or is an SQL:2003 reserved word.
   */
  static String quoted(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name;
    }
    boolean identifier =
        !name.isBlank() && IDENTIFIER.matcher(name).matches() && !NUMERIC.matcher(name).matches();
    boolean reserved =
        !name.isBlank()
            && SqlReservedWords.SQL_2003.contains(name.strip().toUpperCase(Locale.ROOT));
    return !identifier || mixedCase(name) || reserved ? "\"" + name + "\"" : name;
  }

  private static boolean mixedCase(String name) {
    boolean upper = false;
    boolean lower = false;
    // Code points counted, characters indexed: as SchemaCrawler looked at them.
    for (int i = 0; i < name.codePointCount(0, name.length()); i++) {
      int c = name.codePointAt(i);
      if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isLowerCase(c)) {
        lower = true;
      }
      if (upper && lower) {
        return true;
      }
    }
    return false;
  }
}
