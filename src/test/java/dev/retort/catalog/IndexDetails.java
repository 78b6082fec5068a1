package dev.retort.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * An index's details beyond SchemaCrawler's: its access method, NULLS NOT DISTINCT, each key (a
 * column or an expression, its direction, nulls order and non-default operator class) and the
 * INCLUDE columns.
 */
record IndexDetails(String method, boolean nullsNotDistinct, List<Key> keys, List<String> include) {

  /** One key: {@code column} or {@code expression} is set. */
  record Key(
      String column, String expression, boolean descending, boolean nullsFirst, String opclass) {}

  /**
   * @param nullsNotDistinct the catalog column, where the server has it (15 and later)
   */
  static List<PackedDetails.Field> fields(String nullsNotDistinct) {
    return List.of(
        new PackedDetails.Field("method", "am.amname"),
        new PackedDetails.Field("nulls_not_distinct", nullsNotDistinct),
        new PackedDetails.Field("key_count", "i.indnkeyatts"),
        new PackedDetails.Field("key_columns", "keys.columns"),
        new PackedDetails.Field("key_expressions", "keys.expressions"),
        new PackedDetails.Field("key_descending", "keys.descending"),
        new PackedDetails.Field("key_nulls_first", "keys.nulls_first"),
        new PackedDetails.Field("key_opclasses", "keys.opclasses"),
        new PackedDetails.Field("include", "keys.include"));
  }

  /** The per-key lists the {@code keys} lateral subquery of the INDEXES view computes. */
  static String keyLists() {
    return String.join(
        ",\n            ",
        PackedDetails.keyList("coalesce(xa.attname, '')") + " AS columns",
        PackedDetails.keyList(
                "CASE WHEN x.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid,"
                    + " CAST(x.ord AS int), true) ELSE '' END")
            + " AS expressions",
        PackedDetails.keyList("CAST((x.opt & 1) = 1 AS text)") + " AS descending",
        PackedDetails.keyList("CAST((x.opt & 2) = 2 AS text)") + " AS nulls_first",
        PackedDetails.keyList("CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END")
            + " AS opclasses",
        "string_agg(CASE WHEN x.ord > i.indnkeyatts THEN xa.attname END, E'\\x1f' ORDER BY x.ord)"
            + " AS include");
  }

  static IndexDetails decode(String packed) {
    PackedDetails.Unpacked details = PackedDetails.Unpacked.of(fields("false"), packed);
    int count = (int) details.number("key_count");
    List<String> columns = details.list("key_columns", count);
    List<String> expressions = details.list("key_expressions", count);
    List<String> descending = details.list("key_descending", count);
    List<String> nullsFirst = details.list("key_nulls_first", count);
    List<String> opclasses = details.list("key_opclasses", count);
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(
          new Key(
              expressions.get(i).isEmpty() ? columns.get(i) : null,
              expressions.get(i).isEmpty() ? null : expressions.get(i),
              "true".equals(descending.get(i)),
              "true".equals(nullsFirst.get(i)),
              opclasses.get(i).isEmpty() ? null : opclasses.get(i)));
    }
    return new IndexDetails(
        details.text("method"), details.flag("nulls_not_distinct"), keys, details.list("include"));
  }
}
