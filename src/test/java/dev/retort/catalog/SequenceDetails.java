package dev.retort.catalog;

import java.util.List;

/** A sequence's details beyond SchemaCrawler's: its cache, its type and the column owning it. */
record SequenceDetails(long cache, String dataType, String ownerTable, String ownerColumn) {

  static final List<PackedDetails.Field> FIELDS =
      List.of(
          new PackedDetails.Field("cache", "s.seqcache"),
          new PackedDetails.Field("data_type", "pg_catalog.format_type(s.seqtypid, NULL)"),
          new PackedDetails.Field("owner_table", "oc.relname"),
          new PackedDetails.Field("owner_column", "oa.attname"));

  static String sql() {
    return PackedDetails.sql(FIELDS);
  }

  static SequenceDetails decode(String packed) {
    PackedDetails.Unpacked details = PackedDetails.Unpacked.of(FIELDS, packed);
    return new SequenceDetails(
        details.number("cache"),
        details.text("data_type"),
        details.optional("owner_table"),
        details.optional("owner_column"));
  }
}
