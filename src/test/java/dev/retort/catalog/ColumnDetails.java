package dev.retort.catalog;

import java.util.List;

/**
 * A column's details beyond SchemaCrawler's: its type as {@code format_type} spells it, the enum
 * (or other user-defined) type behind it, its identity and the identity sequence's options, its
 * generation expression and its collation when not the type's default.
 */
record ColumnDetails(
    String type,
    String userTypeSchema,
    String userTypeName,
    String identity,
    IdentityOptions identityOptions,
    String generated,
    String collation) {

  /** The identity sequence's stored values (defaults included). */
  record IdentityOptions(
      long start, long increment, long min, long max, long cache, boolean cycle) {}

  static final List<PackedDetails.Field> FIELDS =
      List.of(
          new PackedDetails.Field("type", "pg_catalog.format_type(a.atttypid, a.atttypmod)"),
          // By name: the types Retort creates and drops (enums) and the user's domains, composites
          // and ranges. A base type, which only an extension can add (citext, vector, geometry),
          // is compared as format_type spells it, modifiers included: vector(3),
          // geometry(Point,4326).
          new PackedDetails.Field(
              "user_type_schema",
              "CASE WHEN etn.nspname NOT IN ('pg_catalog', 'information_schema')"
                  + " AND et.typtype <> 'b' THEN etn.nspname END"),
          new PackedDetails.Field(
              "user_type_name",
              "CASE WHEN etn.nspname NOT IN ('pg_catalog', 'information_schema')"
                  + " AND et.typtype <> 'b' THEN et.typname END"),
          new PackedDetails.Field("identity", "NULLIF(a.attidentity, '')"),
          new PackedDetails.Field("identity_start", "isq.seqstart"),
          new PackedDetails.Field("identity_increment", "isq.seqincrement"),
          new PackedDetails.Field("identity_min", "isq.seqmin"),
          new PackedDetails.Field("identity_max", "isq.seqmax"),
          new PackedDetails.Field("identity_cache", "isq.seqcache"),
          new PackedDetails.Field("identity_cycle", "isq.seqcycle"),
          new PackedDetails.Field(
              "generated",
              "CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END"),
          new PackedDetails.Field(
              "collation", "CASE WHEN a.attcollation <> t.typcollation THEN co.collname END"));

  static String sql() {
    return PackedDetails.sql(FIELDS);
  }

  static ColumnDetails decode(String packed) {
    PackedDetails.Unpacked details = PackedDetails.Unpacked.of(FIELDS, packed);
    String identity = details.optional("identity");
    return new ColumnDetails(
        details.text("type"),
        details.optional("user_type_schema"),
        details.optional("user_type_name"),
        identity,
        identity == null
            ? null
            : new IdentityOptions(
                details.number("identity_start"),
                details.number("identity_increment"),
                details.number("identity_min"),
                details.number("identity_max"),
                details.number("identity_cache"),
                details.flag("identity_cycle")),
        details.optional("generated"),
        details.optional("collation"));
  }
}
