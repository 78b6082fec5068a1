package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.schema.SqlType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical type as the DSL call that spells it: {@code character varying(255)} becomes {@code
 * varchar(255)}. Every factory of {@link dev.retort.migration.Dsl} produces exactly the canonical
 * spelling, so rendering and compiling gives the same type back; anything else is {@code
 * type("...")}.
 */
final class TypeRenderer {

  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry("smallint", "smallint()"),
          Map.entry("integer", "integer()"),
          Map.entry("bigint", "bigint()"),
          Map.entry("boolean", "bool()"),
          Map.entry("real", "real()"),
          Map.entry("double precision", "doublePrecision()"),
          Map.entry("numeric", "numeric()"),
          Map.entry("text", "text()"),
          Map.entry("character varying", "varchar()"),
          Map.entry("bytea", "bytea()"),
          Map.entry("uuid", "uuid()"),
          Map.entry("json", "json()"),
          Map.entry("jsonb", "jsonb()"),
          Map.entry("date", "date()"),
          Map.entry("time without time zone", "time()"),
          Map.entry("timestamp without time zone", "timestamp()"),
          Map.entry("timestamp with time zone", "timestamptz()"),
          Map.entry("interval", "interval()"),
          Map.entry("oid", "oid()"));

  private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
  private static final Pattern CHAR = Pattern.compile("character\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
  private static final Pattern TIME = Pattern.compile("time\\((\\d+)\\) without time zone");
  private static final Pattern TIMESTAMP =
      Pattern.compile("timestamp\\((\\d+)\\) without time zone");
  private static final Pattern TIMESTAMPTZ =
      Pattern.compile("timestamp\\((\\d+)\\) with time zone");

  private TypeRenderer() {}

  static CodeBlock render(SqlType type) {
    if (type.isUserDefined()) {
      CodeBlock base =
          type.userDefined().schema() == null
              ? CodeBlock.of("enumType($S)", type.userDefined().name())
              : CodeBlock.of(
                  "enumType($S, $S)", type.userDefined().schema(), type.userDefined().name());
      for (int i = 0; i < type.arrayDimensions(); i++) {
        base = CodeBlock.of("arrayOf($L)", base);
      }
      return base;
    }
    String sql = type.sql();
    if (sql.endsWith("[]")) {
      return CodeBlock.of("arrayOf($L)", render(SqlType.of(sql.substring(0, sql.length() - 2))));
    }
    String plain = PLAIN.get(sql);
    if (plain != null) {
      return CodeBlock.of("$L", plain);
    }
    Matcher m;
    if ((m = VARCHAR.matcher(sql)).matches()) {
      return CodeBlock.of("varchar($L)", m.group(1));
    }
    if ((m = CHAR.matcher(sql)).matches()) {
      return CodeBlock.of("character($L)", m.group(1));
    }
    if ((m = NUMERIC.matcher(sql)).matches()) {
      return CodeBlock.of("numeric($L, $L)", m.group(1), m.group(2));
    }
    if ((m = TIME.matcher(sql)).matches()) {
      return CodeBlock.of("time($L)", m.group(1));
    }
    if ((m = TIMESTAMP.matcher(sql)).matches()) {
      return CodeBlock.of("timestamp($L)", m.group(1));
    }
    if ((m = TIMESTAMPTZ.matcher(sql)).matches()) {
      return CodeBlock.of("timestamptz($L)", m.group(1));
    }
    return CodeBlock.of("type($S)", sql);
  }
}
