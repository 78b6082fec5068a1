package dev.retort.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL details SchemaCrawler has no slot for, carried in one extra view column ({@code
 * RETORT}) because SchemaCrawler pays per column and row for every extra one. Each record below
 * declares its fields once, each with the SQL that computes it; the view's expression and the
 * decoding both come from that declaration, so positions are never written twice.
 */
final class PackedDetails {

  /** Separates fields; no identifier or expression PostgreSQL prints contains it. */
  static final String FIELDS = "\u001e";

  /** Separates the items of a list field. */
  static final String ITEMS = "\u001f";

  private PackedDetails() {}

  /** A field: its name (for reading) and the SQL that computes it as text. */
  record Field(String name, String sql) {}

  /** The view expression packing {@code fields} into one text value. */
  static String sql(List<Field> fields) {
    return "concat_ws(E'\\x1e', "
        + fields.stream()
            .map(f -> "coalesce(CAST(" + f.sql() + " AS text), '')")
            .collect(Collectors.joining(",\n    "))
        + ")";
  }

  /** The packed value's fields by name. */
  record Unpacked(List<Field> fields, String[] values) {

    static Unpacked of(List<Field> fields, String packed) {
      String[] values = packed.split(FIELDS, -1);
      if (values.length != fields.size()) {
        throw new IllegalStateException(
            "catalog details have " + values.length + " fields, not " + fields.size());
      }
      return new Unpacked(fields, values);
    }

    String text(String name) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(name)) {
          return values[i];
        }
      }
      throw new IllegalArgumentException("no catalog detail " + name);
    }

    /** Null for an empty field. */
    String optional(String name) {
      String value = text(name);
      return value.isEmpty() ? null : value;
    }

    boolean flag(String name) {
      return "true".equals(text(name));
    }

    long number(String name) {
      return Long.parseLong(text(name).trim());
    }

    /** A list field whose items are never empty (an empty field is an empty list). */
    List<String> list(String name) {
      String value = text(name);
      return value.isEmpty() ? List.of() : List.of(value.split(ITEMS, -1));
    }

    /** A list field of {@code size} items, any of which may be empty. */
    List<String> list(String name, int size) {
      List<String> items = size == 0 ? List.of() : List.of(text(name).split(ITEMS, -1));
      if (items.size() != size) {
        throw new IllegalStateException(
            "catalog detail " + name + " has " + items.size() + " items, not " + size);
      }
      return items;
    }
  }

  /** An {@code string_agg} of one item per index key, in key order, for a list field. */
  static String keyList(String item) {
    return "string_agg(CASE WHEN x.ord > i.indnkeyatts THEN NULL ELSE "
        + item
        + " END, E'\\x1f' ORDER BY x.ord)";
  }
}
