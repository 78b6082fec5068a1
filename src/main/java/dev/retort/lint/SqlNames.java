package dev.retort.lint;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.SqlType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** Names and types in parsed SQL, spelled as the operations spell them. */
final class SqlNames {

  /** Short and alternative spellings PostgreSQL accepts, to the names {@code format_type} uses. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("serial", "integer"),
          Map.entry("serial4", "integer"),
          Map.entry("int2", "smallint"),
          Map.entry("smallserial", "smallint"),
          Map.entry("serial2", "smallint"),
          Map.entry("int8", "bigint"),
          Map.entry("bigserial", "bigint"),
          Map.entry("serial8", "bigint"),
          Map.entry("varchar", "character varying"),
          Map.entry("char", "character"),
          Map.entry("bpchar", "character"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("bool", "boolean"),
          Map.entry("float8", "double precision"),
          Map.entry("float4", "real"),
          Map.entry("decimal", "numeric"));

  private static final Set<String> SERIALS =
      Set.of("serial", "serial2", "serial4", "serial8", "smallserial", "bigserial");

  private SqlNames() {}

  /** An identifier as PostgreSQL stores it: quoted ones as written, others folded to lower case. */
  static String identifier(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  static QualifiedName table(Table table) {
    String schema = table.getSchemaName();
    return new QualifiedName(
        schema == null ? null : identifier(schema), identifier(table.getName()));
  }

  /** A table named in a token ({@code s.t}, {@code "T"}). */
  static QualifiedName table(String token) {
    int dot = token.lastIndexOf('.');
    return dot < 0
        ? QualifiedName.of(identifier(token))
        : QualifiedName.of(
            identifier(token.substring(0, dot)), identifier(token.substring(dot + 1)));
  }

  static SqlType type(ColDataType type) {
    SqlType parsed = SqlType.parse(type.toString().replace(" (", "("));
    String name = parsed.name().toLowerCase(Locale.ROOT);
    return new SqlType(
        ALIASES.getOrDefault(name, name), parsed.modifiers(), null, parsed.arrayDimensions());
  }

  /** Whether the type was spelled as a serial pseudo-type (an integer fed by a new sequence). */
  static boolean isSerial(ColDataType type) {
    String name = type.getDataType().toLowerCase(Locale.ROOT);
    return SERIALS.contains(name);
  }
}
