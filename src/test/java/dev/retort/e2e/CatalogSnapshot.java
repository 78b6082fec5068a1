package dev.retort.e2e;

import dev.retort.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** A database's public schema as text, to compare two databases built different ways. */
final class CatalogSnapshot {

  private CatalogSnapshot() {}

  /** Columns, constraints, indexes and enum labels of the public schema, Retort's tables aside. */
  static List<String> catalog(TestDatabase db) {
    List<String> all = new ArrayList<>();
    all.addAll(
        db.query(
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
                + " || is_nullable || ' ' || coalesce(column_default, '')"
                + " FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name NOT LIKE 'retort%' ORDER BY 1"));
    // A check is re-created from PostgreSQL's own text of it, which it may spell with its casts
    // in other places ('A'::varchar::text where Hibernate's IN list gave ARRAY[...]::text[]):
    // compared without casts and parentheses, every other definition exactly.
    db
        .query(
            "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                + " AND conrelid::regclass::text NOT LIKE 'retort%' ORDER BY 1")
        .stream()
        .map(
            definition ->
                definition.contains(" CHECK ")
                    ? definition.replaceAll("::[a-z ]+(\\[\\])?|[()]", "")
                    : definition)
        .forEach(all::add);
    all.addAll(
        db.query(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'retort%' ORDER BY 1"));
    all.addAll(
        db.query(
            "SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname"
                + " ORDER BY 1"));
    return all;
  }

  /** Every table's rows, counted and digested in a stable order. */
  static String rows(TestDatabase db) {
    StringBuilder text = new StringBuilder();
    for (String table :
        db.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename NOT LIKE 'retort%' ORDER BY 1")) {
      text.append(table)
          .append(": ")
          .append(
              db.queryOne(
                  "SELECT count(*) || ' rows ' || md5(coalesce(string_agg(t::text, ','"
                      + " ORDER BY t::text), '')) FROM public.\""
                      + table
                      + "\" t"))
          .append('\n');
    }
    return text.toString();
  }
}
