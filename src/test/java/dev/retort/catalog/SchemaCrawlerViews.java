package dev.retort.catalog;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import schemacrawler.schemacrawler.InformationSchemaKey;

/**
 * The views {@link SchemaCrawlerCatalogReader} (the reference reader) gives SchemaCrawler, as they
 * were when SchemaCrawler read the catalog. SchemaCrawler's information-schema views, written for
 * PostgreSQL's own catalog: one bulk query per kind of object, each limited to the schemas being
 * read, so the number of statements never grows with the number of tables. Catalog columns are NULL
 * (SchemaCrawler is told PostgreSQL has no catalogs). Partitions are left out everywhere: their
 * parent is what is compared.
 *
 * <p>The views are kept narrow on purpose: SchemaCrawler sorts a result's column list on every
 * column lookup of every row, so each extra column costs time per row. PostgreSQL details
 * SchemaCrawler has no slot for travel packed in one attribute, {@code RETORT}, declared and
 * decoded by {@link ColumnDetails}, {@link IndexDetails} and {@link SequenceDetails}.
 */
final class SchemaCrawlerViews {

  private SchemaCrawlerViews() {}

  static Map<InformationSchemaKey, String> sql(List<String> schemas, int serverMajorVersion) {
    String inSchemas =
        schemas.stream()
            .map(s -> "'" + s.replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "IN (", ")"));
    String nullsNotDistinct = serverMajorVersion >= 15 ? "i.indnullsnotdistinct" : "false";
    Map<InformationSchemaKey, String> views = new EnumMap<>(InformationSchemaKey.class);
    views.put(InformationSchemaKey.SCHEMATA, SCHEMATA);
    views.put(InformationSchemaKey.TABLES, TABLES);
    views.put(
        InformationSchemaKey.TABLE_COLUMNS,
        TABLE_COLUMNS.replace("{COLUMN_DETAILS}", ColumnDetails.sql()));
    views.put(InformationSchemaKey.PRIMARY_KEYS, PRIMARY_KEYS);
    views.put(InformationSchemaKey.FOREIGN_KEYS, FOREIGN_KEYS);
    views.put(
        InformationSchemaKey.INDEXES,
        INDEXES
            .replace("{INDEX_DETAILS}", PackedDetails.sql(IndexDetails.fields(nullsNotDistinct)))
            .replace("{INDEX_KEY_LISTS}", IndexDetails.keyLists()));
    views.put(InformationSchemaKey.EXT_INDEXES, EXT_INDEXES);
    views.put(InformationSchemaKey.TABLE_CONSTRAINTS, TABLE_CONSTRAINTS);
    views.put(InformationSchemaKey.CONSTRAINT_COLUMN_USAGE, CONSTRAINT_COLUMN_USAGE);
    views.put(InformationSchemaKey.CHECK_CONSTRAINTS, CHECK_CONSTRAINTS);
    views.put(InformationSchemaKey.EXT_TABLE_CONSTRAINTS, EXT_TABLE_CONSTRAINTS);
    views.put(
        InformationSchemaKey.SEQUENCES,
        SEQUENCES.replace("{SEQUENCE_DETAILS}", SequenceDetails.sql()));
    views.replaceAll(
        (key, sql) ->
            sql.replace("{SCHEMAS}", inSchemas)
                .replace("{NOT_EXTENSION_MEMBER}", NOT_EXTENSION_MEMBER));
    return views;
  }

  /**
   * The relation {@code c} is not an extension's own (PostGIS' {@code spatial_ref_sys}, the views
   * of pg_stat_statements): the extension creates and drops it, so it is neither a difference nor
   * part of the entity model. Its constraints and indexes go with it: they belong to a table that
   * is not read.
   */
  private static final String NOT_EXTENSION_MEMBER =
      "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext"
          + " WHERE ext.classid = 'pg_catalog.pg_class'::regclass AND ext.objid = c.oid"
          + " AND ext.deptype = 'e')";

  /** Every enum type in one query, keyed by type oid; values in sort order. */
  static String enumTypes() {
    return """
        SELECT t.oid, n.nspname, t.typname,
               string_agg(e.enumlabel, E'\\x1f' ORDER BY e.enumsortorder) AS labels
        FROM pg_catalog.pg_type t
          JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
          JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        GROUP BY t.oid, n.nspname, t.typname
        """;
  }

  private static final String SCHEMATA =
      """
      SELECT CAST(NULL AS text) AS CATALOG_NAME, n.nspname AS SCHEMA_NAME
      FROM pg_catalog.pg_namespace n
      WHERE n.nspname {SCHEMAS}
      """;

  private static final String TABLES =
      """
      SELECT CAST(NULL AS text) AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
        CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'v' THEN 'VIEW'
          WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' END AS TABLE_TYPE,
        pg_catalog.obj_description(c.oid, 'pg_class') AS REMARKS,
        CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS PARTITION_KEY
      FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname {SCHEMAS}
        AND {NOT_EXTENSION_MEMBER}
      """;

  /** RETORT: {@link ColumnDetails}. */
  private static final String TABLE_COLUMNS =
      """
      SELECT CAST(NULL AS text) AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
        a.attname AS COLUMN_NAME, a.attnum AS ORDINAL_POSITION,
        CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,
        pg_catalog.col_description(c.oid, a.attnum) AS REMARKS,
        CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS COLUMN_DEF,
        et.oid AS TYPE_OID,
        {COLUMN_DETAILS} AS RETORT
      FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typcategory = 'A' THEN t.typelem ELSE t.oid END
        JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_depend idd ON a.attidentity <> '' AND idd.refobjid = c.oid
          AND idd.refobjsubid = a.attnum AND idd.deptype = 'i'
          AND idd.classid = 'pg_catalog.pg_class'::regclass AND idd.refclassid = 'pg_catalog.pg_class'::regclass
        LEFT JOIN pg_catalog.pg_sequence isq ON isq.seqrelid = idd.objid
      WHERE a.attnum > 0 AND NOT a.attisdropped
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname {SCHEMAS}
        AND {NOT_EXTENSION_MEMBER}
      """;

  private static final String PRIMARY_KEYS =
      """
      SELECT CAST(NULL AS text) AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
        a.attname AS COLUMN_NAME, k.ord AS KEY_SEQ, con.conname AS PK_NAME
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
      WHERE con.contype = 'p' AND NOT c.relispartition AND n.nspname {SCHEMAS}
      """;

  private static final String FOREIGN_KEYS =
      """
      SELECT CAST(NULL AS text) AS PKTABLE_CAT, pn.nspname AS PKTABLE_SCHEM, pc.relname AS PKTABLE_NAME,
        pa.attname AS PKCOLUMN_NAME,
        CAST(NULL AS text) AS FKTABLE_CAT, fn.nspname AS FKTABLE_SCHEM, fc.relname AS FKTABLE_NAME,
        fa.attname AS FKCOLUMN_NAME, k.ord AS KEY_SEQ,
        CASE con.confupdtype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4 END AS UPDATE_RULE,
        CASE con.confdeltype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4 END AS DELETE_RULE,
        con.conname AS FK_NAME,
        CASE WHEN NOT con.condeferrable THEN 7 WHEN con.condeferred THEN 5 ELSE 6 END AS DEFERRABILITY
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid
        JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
        JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fk_attnum, pk_attnum, ord)
        JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.fk_attnum
        JOIN pg_catalog.pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pk_attnum
      WHERE con.contype = 'f' AND con.conparentid = 0 AND NOT fc.relispartition AND fn.nspname {SCHEMAS}
      """;

  /**
   * One row per key of every index that does not implement a constraint; RETORT: {@link
   * IndexDetails}, whose per-key lists the {@code keys} subquery computes.
   */
  private static final String INDEXES =
      """
      SELECT CAST(NULL AS text) AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
        NOT i.indisunique AS NON_UNIQUE, CAST(NULL AS text) AS INDEX_QUALIFIER, ic.relname AS INDEX_NAME,
        3 AS TYPE, k.ord AS ORDINAL_POSITION,
        CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, CAST(k.ord AS int), true)
             ELSE a.attname END AS COLUMN_NAME,
        pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS FILTER_CONDITION,
        {INDEX_DETAILS} AS RETORT
      FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(CAST(i.indkey AS int2[]), CAST(i.indoption AS int2[]))
          WITH ORDINALITY AS k(attnum, opt, ord)
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        CROSS JOIN LATERAL (
          SELECT
            {INDEX_KEY_LISTS}
          FROM unnest(CAST(i.indkey AS int2[]), CAST(i.indoption AS int2[]), CAST(i.indclass AS oid[]))
            WITH ORDINALITY AS x(attnum, opt, opclass, ord)
            LEFT JOIN pg_catalog.pg_attribute xa ON xa.attrelid = i.indrelid AND xa.attnum = x.attnum
            LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = x.opclass
        ) keys
      WHERE k.ord <= i.indnkeyatts AND NOT c.relispartition AND n.nspname {SCHEMAS}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint ix
                        WHERE ix.conindid = i.indexrelid AND ix.conrelid = i.indrelid AND ix.contype IN ('p', 'u', 'x'))
      """;

  private static final String EXT_INDEXES =
      """
      SELECT CAST(NULL AS text) AS INDEX_CATALOG, n.nspname AS INDEX_SCHEMA, c.relname AS TABLE_NAME,
        ic.relname AS INDEX_NAME, pg_catalog.obj_description(ic.oid, 'pg_class') AS REMARKS
      FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT c.relispartition AND n.nspname {SCHEMAS}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint ix
                        WHERE ix.conindid = i.indexrelid AND ix.conrelid = i.indrelid AND ix.contype IN ('p', 'u', 'x'))
      """;

  private static final String TABLE_CONSTRAINTS =
      """
      SELECT CAST(NULL AS text) AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
        con.conname AS CONSTRAINT_NAME, c.relname AS TABLE_NAME,
        CASE con.contype WHEN 'c' THEN 'CHECK' WHEN 'u' THEN 'UNIQUE' WHEN 'p' THEN 'PRIMARY KEY'
          WHEN 'f' THEN 'FOREIGN KEY' WHEN 'x' THEN 'EXCLUDE' END AS CONSTRAINT_TYPE,
        CASE WHEN con.condeferrable THEN 'YES' ELSE 'NO' END AS IS_DEFERRABLE,
        CASE WHEN con.condeferred THEN 'YES' ELSE 'NO' END AS INITIALLY_DEFERRED,
        pg_catalog.pg_get_constraintdef(con.oid, true) AS CONSTRAINT_DEFINITION
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype IN ('c', 'u', 'p', 'f', 'x') AND NOT c.relispartition AND n.nspname {SCHEMAS}
      """;

  private static final String CONSTRAINT_COLUMN_USAGE =
      """
      SELECT CAST(NULL AS text) AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
        con.conname AS CONSTRAINT_NAME, c.relname AS TABLE_NAME,
        a.attname AS COLUMN_NAME, k.ord AS ORDINAL_POSITION
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
      WHERE con.contype IN ('c', 'u', 'p', 'f', 'x') AND NOT c.relispartition AND n.nspname {SCHEMAS}
      """;

  private static final String CHECK_CONSTRAINTS =
      """
      SELECT CAST(NULL AS text) AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
        con.conname AS CONSTRAINT_NAME, pg_catalog.pg_get_constraintdef(con.oid, true) AS CHECK_CLAUSE
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
      WHERE con.contype = 'c' AND con.conrelid <> 0 AND n.nspname {SCHEMAS}
      """;

  private static final String EXT_TABLE_CONSTRAINTS =
      """
      SELECT CAST(NULL AS text) AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
        con.conname AS CONSTRAINT_NAME, c.relname AS TABLE_NAME,
        pg_catalog.obj_description(con.oid, 'pg_constraint') AS REMARKS
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype IN ('c', 'u', 'p', 'f', 'x') AND NOT c.relispartition AND n.nspname {SCHEMAS}
      """;

  /**
   * Standalone and serial sequences (identity ones belong to their column); RETORT: {@link
   * SequenceDetails}.
   */
  private static final String SEQUENCES =
      """
      SELECT CAST(NULL AS text) AS SEQUENCE_CATALOG, n.nspname AS SEQUENCE_SCHEMA, c.relname AS SEQUENCE_NAME,
        CAST(s.seqstart AS text) AS START_VALUE, CAST(s.seqmin AS text) AS MINIMUM_VALUE,
        CAST(s.seqmax AS text) AS MAXIMUM_VALUE, CAST(s.seqincrement AS text) AS INCREMENT,
        s.seqcycle AS CYCLE_OPTION,
        {SEQUENCE_DETAILS} AS RETORT
      FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_depend dep
          ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
         AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'a'
        LEFT JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
        LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
      WHERE n.nspname {SCHEMAS} AND {NOT_EXTENSION_MEMBER}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend idep
                        WHERE idep.classid = 'pg_catalog.pg_class'::regclass AND idep.objid = c.oid AND idep.deptype = 'i')
      """;
}
