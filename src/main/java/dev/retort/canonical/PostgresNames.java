package dev.retort.canonical;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names PostgreSQL chooses for constraints created without one ({@code makeObjectName} in its
 * source): {@code table_pkey}, {@code table_column_check}, {@code table_check}, the longer of the
 * two name parts shortened until the whole fits in 63 bytes. PostgreSQL then appends a number to
 * the label while the name is taken in the schema; this class does not guess at that: a taken name
 * is reported, and the caller lets PostgreSQL choose. Only plain ASCII names are spelled here (a
 * multibyte name is cut at character boundaries, which this does not model).
 */
final class PostgresNames {

  /** NAMEDATALEN - 1. */
  static final int MAX_BYTES = 63;

  /** Names taken in one schema: relations (tables, indexes, sequences) and constraints. */
  private final Set<String> taken = new HashSet<>();

  /** Thrown when PostgreSQL would choose a name this class does not model. */
  static final class Unmodelled extends Exception {
    private static final long serialVersionUID = 1L;

    Unmodelled(String what) {
      super(what, null, false, false);
    }
  }

  /** Records a name given explicitly or chosen earlier, in the order PostgreSQL would see it. */
  void take(String name) {
    taken.add(name);
  }

  /**
   * The name PostgreSQL chooses for {@code table}'s constraint: {@code name2} is a column or null,
   * {@code label} is {@code pkey} or {@code check}.
   */
  String choose(String table, String name2, String label) throws Unmodelled {
    if (!ascii(table) || name2 != null && !ascii(name2)) {
      throw new Unmodelled("a name outside ASCII");
    }
    String name = objectName(table, name2, label);
    if (!taken.add(name)) {
      throw new Unmodelled("the name " + name + " is taken: PostgreSQL would number it");
    }
    return name;
  }

  /** {@code makeObjectName}: name1_name2_label, shortening the longer of name1 and name2. */
  static String objectName(String name1, String name2, String label) {
    int overhead = label == null ? 0 : label.length() + 1;
    if (name2 != null) {
      overhead++;
    }
    int available = MAX_BYTES - overhead;
    int name1Chars = name1.length();
    int name2Chars = name2 == null ? 0 : name2.length();
    while (name1Chars + name2Chars > available) {
      if (name1Chars > name2Chars) {
        name1Chars--;
      } else {
        name2Chars--;
      }
    }
    StringBuilder name = new StringBuilder(name1.substring(0, name1Chars));
    if (name2 != null) {
      name.append('_').append(name2, 0, name2Chars);
    }
    if (label != null) {
      name.append('_').append(label);
    }
    return name.toString();
  }

  private static boolean ascii(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length == name.length();
  }
}
