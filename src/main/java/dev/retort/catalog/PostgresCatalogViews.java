package dev.retort.catalog;

import java.util.List;

/**
 * The statements that read a catalog: one bulk query per kind of object, each limited to the
 * schemas being read (its one parameter, a {@code text[]}), so the number of statements never grows
 * with the number of tables. Partitions are left out everywhere: their parent is what is compared.
 * Every name, type, default and expression is printed by PostgreSQL itself ({@code format_type},
 * {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}), so both sides of a
 * comparison are spelled alike. The columns are read by position in {@link CatalogRows}.
 */
final class PostgresCatalogViews {

  private PostgresCatalogViews() {}

  /**
   * The catalogs whose rows the statements below read, directly or through the names and
   * expressions PostgreSQL prints (a default naming a sequence or a function in another schema, a
   * text search configuration in an index expression).
   */
  private static final List<String> FINGERPRINTED_CATALOGS =
      List.of(
          "pg_namespace",
          "pg_class",
          "pg_attribute",
          "pg_attrdef",
          "pg_constraint",
          "pg_index",
          "pg_description",
          "pg_type",
          "pg_enum",
          "pg_sequence",
          "pg_depend",
          "pg_collation",
          "pg_proc",
          "pg_operator",
          "pg_opclass",
          "pg_am",
          "pg_inherits",
          "pg_partitioned_table",
          "pg_ts_config",
          "pg_ts_dict");

  /** Session settings that change how PostgreSQL prints names, expressions and constants. */
  private static final List<String> FINGERPRINTED_SETTINGS =
      List.of(
          "search_path",
          "TimeZone",
          "DateStyle",
          "IntervalStyle",
          "extra_float_digits",
          "bytea_output",
          "quote_all_identifiers",
          "standard_conforming_strings",
          "lc_monetary");

  /**
   * One cheap statement whose result changes whenever anything the statements could return changes:
   * the transaction ids that wrote each catalog's rows (every insert, update and delete leaves a
   * new one, and PostgreSQL keeps them through freezing), plus the server, the database, the roles
   * and the settings that shape its output. Equal fingerprints mean a read would return the same
   * catalog, so the model read last time can be reused. Any catalog change anywhere in the database
   * changes it, which costs a read at worst; hashing what the statements return instead took as
   * long as the read.
   */
  static String fingerprint() {
    // Transaction ids restart with every new cluster (a recreated container replays the same ones),
    // so the server instance and the database are part of the fingerprint.
    StringBuilder sql =
        new StringBuilder(
            "SELECT md5(concat_ws('|', version(), pg_catalog.pg_postmaster_start_time(),"
                + " current_database(), (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()),"
                + " pg_catalog.current_schemas(true)");
    for (String setting : FINGERPRINTED_SETTINGS) {
      sql.append(", current_setting('").append(setting).append("')");
    }
    for (String catalog : FINGERPRINTED_CATALOGS) {
      sql.append(
              ",\n  (SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(xmin AS text), ','"
                  + " ORDER BY CAST(CAST(xmin AS text) AS bigint))), '') FROM pg_catalog.")
          .append(catalog)
          .append(")");
    }
    // Roles print by name (a regrole default); pg_authid, whose row versions would say so, is
    // not readable by every user.
    sql.append(
        ",\n  (SELECT md5(string_agg(CAST(oid AS text) || ':' || rolname, ',' ORDER BY oid)) FROM pg_catalog.pg_roles)");
    return sql.append("))").toString();
  }

  /**
   * The relation {@code c} is not an extension's own (PostGIS' {@code spatial_ref_sys}, the views
   * of pg_stat_statements): the extension creates and drops it, so it is neither a difference nor
   * part of the entity model when an extension is installed in a compared or scratch schema. Its
   * columns, constraints, indexes and sequences go with it. A text block below names it as {@code
   * {NOT_EXTENSION_MEMBER}}.
   */
  private static final String NOT_EXTENSION_MEMBER =
      "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext"
          + " WHERE ext.classid = 'pg_catalog.pg_class'::regclass AND ext.objid = c.oid"
          + " AND ext.deptype = 'e')";

  private static String notExtensionMember(String sql) {
    return sql.replace("{NOT_EXTENSION_MEMBER}", NOT_EXTENSION_MEMBER);
  }

  /** Every enum type of the schemas read; values in sort order. */
  static final String ENUM_TYPES =
      """
      SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
      FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY (?)
      GROUP BY t.oid, n.nspname, t.typname
      """;

  /** Tables (plain, partitioned, foreign) and views, with the comment and the partition key. */
  static final String RELATIONS =
      notExtensionMember(
          """
      SELECT c.oid, n.nspname, c.relname, c.relkind, ds.description,
        CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END
      FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.objsubid = 0
          AND ds.classoid = 'pg_catalog.pg_class'::regclass
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition AND n.nspname = ANY (?)
        AND {NOT_EXTENSION_MEMBER}
      """);

  /**
   * The columns of the tables, in order: the type as {@code format_type} spells it, the enum (or
   * other user-defined) type behind it or behind its array, the identity kind, the default or
   * generation expression (one {@code pg_get_expr} serves both) and the collation when it is not
   * the type's.
   */
  static final String COLUMNS =
      notExtensionMember(
          """
      SELECT a.attrelid, a.attnum, a.attname, a.attnotnull, ds.description,
        pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> '',
        pg_catalog.format_type(a.atttypid, a.atttypmod),
        CASE WHEN etn.nspname NOT IN ('pg_catalog', 'information_schema') AND et.typtype <> 'b' THEN etn.nspname END,
        CASE WHEN etn.nspname NOT IN ('pg_catalog', 'information_schema') AND et.typtype <> 'b' THEN et.typname END,
        NULLIF(a.attidentity, ''),
        CASE WHEN a.attcollation <> t.typcollation THEN co.collname END
      FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typelem <> 0 AND t.typcategory = 'A' THEN t.typelem ELSE t.oid END
        JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.objsubid = a.attnum
          AND ds.classoid = 'pg_catalog.pg_class'::regclass
      WHERE a.attnum > 0 AND NOT a.attisdropped
        AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition AND n.nspname = ANY (?)
        AND {NOT_EXTENSION_MEMBER}
      ORDER BY a.attrelid, a.attnum
      """);

  /**
   * The identity sequences of the tables' columns (by table oid and column number), with their
   * stored values. A query of its own: joined to every column, it cost as much as the types.
   */
  static final String IDENTITY_SEQUENCES =
      notExtensionMember(
          """
      SELECT d.refobjid, d.refobjsubid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
        s.seqcache, s.seqcycle
      FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
        JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
        AND d.deptype = 'i' AND n.nspname = ANY (?) AND {NOT_EXTENSION_MEMBER}
      """);

  /**
   * Primary keys, unique, check and foreign key constraints, their columns as numbers (named from
   * the columns read, which costs far less than a lookup per constraint here), space-separated like
   * the vectors of pg_index: text is cheaper to decode than a JDBC array. The definition is printed
   * for unique (NULLS NOT DISTINCT) and check constraints only. A foreign key that references a
   * partitioned table has a clone per partition (conparentid set): only the parent one is read.
   */
  static final String CONSTRAINTS =
      notExtensionMember(
          """
      SELECT con.conrelid, con.conname, con.contype, array_to_string(con.conkey, ' '),
        CASE WHEN con.contype IN ('u', 'c') THEN pg_catalog.pg_get_constraintdef(con.oid, true) END,
        con.confrelid, pn.nspname, pc.relname, array_to_string(con.confkey, ' '),
        con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred
      FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
      WHERE con.contype IN ('p', 'u', 'c', 'f') AND (con.contype <> 'f' OR con.conparentid = 0)
        AND NOT c.relispartition AND n.nspname = ANY (?) AND {NOT_EXTENSION_MEMBER}
      """);

  /**
   * The columns of tables outside the schemas read that foreign keys reference (or of a partition
   * referenced directly); its parameter is their oids, as text.
   */
  static final String REFERENCED_COLUMNS =
      """
      SELECT a.attrelid, a.attnum, a.attname
      FROM pg_catalog.pg_attribute a
      WHERE a.attrelid = ANY (CAST(? AS oid[])) AND a.attnum > 0 AND NOT a.attisdropped
      """;

  /**
   * Every index that does not implement a constraint (those belong to the constraint), one row
   * each: its columns as numbers (0 for an expression), options and operator classes as stored,
   * and, when it has expressions, each key's expression (or ''). {@code {NULLS_NOT_DISTINCT}} is
   * the catalog column on servers that have it (15 and later), else false. Unnesting every index's
   * keys and joining their columns and operator classes in SQL cost twice the rest of the query.
   */
  static String indexes(int serverMajorVersion) {
    return notExtensionMember(INDEXES)
        .replace(
            "{NULLS_NOT_DISTINCT}", serverMajorVersion >= 15 ? "i.indnullsnotdistinct" : "false");
  }

  private static final String INDEXES =
      """
      SELECT i.indrelid, ic.relname, i.indisunique, am.amname, {NULLS_NOT_DISTINCT},
        pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), i.indnkeyatts,
        CAST(i.indkey AS text), CAST(i.indoption AS text), CAST(i.indclass AS text),
        CASE WHEN i.indexprs IS NOT NULL THEN
          ARRAY(SELECT CASE WHEN x.attnum = 0
                         THEN pg_catalog.pg_get_indexdef(i.indexrelid, CAST(x.ord AS int), true)
                         ELSE '' END
                FROM unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS x(attnum, ord)
                WHERE x.ord <= i.indnkeyatts ORDER BY x.ord) END
      FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
        AND {NOT_EXTENSION_MEMBER}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint ix
                        WHERE ix.conindid = i.indexrelid AND ix.conrelid = i.indrelid AND ix.contype IN ('p', 'u', 'x'))
      """;

  /** The operator classes that are not their type's default: the ones an index key names. */
  static final String NON_DEFAULT_OPCLASSES =
      """
      SELECT CAST(oid AS int8), opcname FROM pg_catalog.pg_opclass WHERE NOT opcdefault
      """;

  /**
   * Standalone and serial sequences (identity ones belong to their column), with the column that
   * owns one.
   */
  static final String SEQUENCES =
      notExtensionMember(
          """
      SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
        s.seqcycle, pg_catalog.format_type(s.seqtypid, NULL), oc.relname, oa.attname
      FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_depend dep
          ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
         AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'a'
        LEFT JOIN pg_catalog.pg_class oc ON oc.oid = dep.refobjid
        LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
      WHERE n.nspname = ANY (?) AND {NOT_EXTENSION_MEMBER}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend idep
                        WHERE idep.classid = 'pg_catalog.pg_class'::regclass AND idep.objid = c.oid AND idep.deptype = 'i')
      """);
}
