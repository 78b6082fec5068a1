package dev.retort.canonical;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PostgreSQL's {@code format_type} spells the built-in types Hibernate writes, so a column of
 * such a type needs no trip through PostgreSQL. Every entry is checked against PostgreSQL itself
 * ({@code TypeSpellingsTest}); a type not in this table (a user-defined type, an extension's, a
 * spelling Hibernate does not use) is left to PostgreSQL, which is always right.
 */
final class TypeSpellings {

  /** Types written without modifiers, spelled the same or renamed. */
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry("smallint", "smallint"),
          Map.entry("int2", "smallint"),
          Map.entry("integer", "integer"),
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("bigint", "bigint"),
          Map.entry("int8", "bigint"),
          Map.entry("boolean", "boolean"),
          Map.entry("bool", "boolean"),
          Map.entry("real", "real"),
          Map.entry("float4", "real"),
          Map.entry("double precision", "double precision"),
          Map.entry("float8", "double precision"),
          Map.entry("date", "date"),
          Map.entry("text", "text"),
          Map.entry("uuid", "uuid"),
          Map.entry("bytea", "bytea"),
          Map.entry("oid", "oid"),
          Map.entry("json", "json"),
          Map.entry("jsonb", "jsonb"),
          Map.entry("xml", "xml"),
          Map.entry("inet", "inet"),
          Map.entry("cidr", "cidr"),
          Map.entry("macaddr", "macaddr"),
          Map.entry("numeric", "numeric"),
          Map.entry("decimal", "numeric"),
          Map.entry("varchar", "character varying"),
          Map.entry("character varying", "character varying"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timestamp with time zone", "timestamp with time zone"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("time with time zone", "time with time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("interval", "interval"));

  private static final Pattern LENGTH =
      Pattern.compile("(varchar|character varying|char|character)\\((\\d+)\\)");
  private static final Pattern NUMERIC =
      Pattern.compile("(numeric|decimal)\\((\\d+)(?:, ?(\\d+))?\\)");
  private static final Pattern FLOAT = Pattern.compile("float\\((\\d+)\\)");
  private static final Pattern TIME =
      Pattern.compile("(timestamp|time)\\(([0-6])\\)( with time zone| without time zone)?");
  private static final Pattern INTERVAL_SECOND = Pattern.compile("interval second\\(([0-6])\\)");
  private static final Pattern ARRAY = Pattern.compile("(.+?)(?: array|\\[\\])");

  private TypeSpellings() {}

  /** The plain types this table spells, for the test that checks each against PostgreSQL. */
  static Set<String> plainTypes() {
    return PLAIN.keySet();
  }

  /** {@code format_type}'s spelling of a type as Hibernate wrote it, if this table knows it. */
  static Optional<String> formatType(String written) {
    String type = written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher array = ARRAY.matcher(type);
    if (array.matches()) {
      return scalar(array.group(1).strip()).map(element -> element + "[]");
    }
    return scalar(type);
  }

  private static Optional<String> scalar(String type) {
    String plain = PLAIN.get(type);
    if (plain != null) {
      return Optional.of(plain);
    }
    Matcher length = LENGTH.matcher(type);
    if (length.matches()) {
      int n = Integer.parseInt(length.group(2));
      if (n < 1 || n > 10_485_760) {
        return Optional.empty();
      }
      boolean varying = length.group(1).contains("var");
      return Optional.of((varying ? "character varying(" : "character(") + n + ")");
    }
    Matcher numeric = NUMERIC.matcher(type);
    if (numeric.matches()) {
      int precision = Integer.parseInt(numeric.group(2));
      int scale = numeric.group(3) == null ? 0 : Integer.parseInt(numeric.group(3));
      if (precision < 1 || precision > 1000 || scale > precision) {
        return Optional.empty();
      }
      return Optional.of("numeric(" + precision + "," + scale + ")");
    }
    Matcher floating = FLOAT.matcher(type);
    if (floating.matches()) {
      int bits = Integer.parseInt(floating.group(1));
      if (bits < 1 || bits > 53) {
        return Optional.empty();
      }
      return Optional.of(bits <= 24 ? "real" : "double precision");
    }
    Matcher time = TIME.matcher(type);
    if (time.matches()) {
      String zone =
          " with time zone".equals(time.group(3)) ? " with time zone" : " without time zone";
      return Optional.of(time.group(1) + "(" + time.group(2) + ")" + zone);
    }
    Matcher second = INTERVAL_SECOND.matcher(type);
    if (second.matches()) {
      return Optional.of("interval second(" + second.group(1) + ")");
    }
    return Optional.empty();
  }
}
