package dev.retort.compare;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.postgres.TypeNames;
import dev.retort.schema.SqlType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a column type change means: whether {@code ALTER COLUMN ... TYPE} needs a {@code USING}
 * expression (only where PostgreSQL has no assignment cast, per its own {@code pg_cast}), and
 * whether existing values may not survive it.
 */
final class TypeChanges {

  private static final Set<String> ASSIGNMENT_CASTS = loadCasts();
  private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

  private TypeChanges() {}

  /** The parts of a type the rules below read: its name, numeric modifiers and array depth. */
  record Parsed(String base, List<Integer> modifiers, int arrayDimensions) {
    static Parsed of(SqlType type) {
      return new Parsed(type.name(), type.numericModifiers(), type.arrayDimensions());
    }
  }

  /**
   * Whether two types store the same values. They do when spelled alike, and when a time type
   * states precision 6: that is the microsecond resolution the type has without one, so {@code
   * timestamptz} and Hibernate's {@code timestamp(6) with time zone} are the same column.
   */
  static boolean equivalent(SqlType a, SqlType b) {
    return a.equals(b)
        || !a.isUserDefined()
            && !b.isUserDefined()
            && withoutDefaultPrecision(a).equals(withoutDefaultPrecision(b));
  }

  private static SqlType withoutDefaultPrecision(SqlType type) {
    boolean timeType =
        type.name().equals("interval")
            || type.name().startsWith("timestamp ")
            || type.name().startsWith("time ");
    return timeType && "6".equals(type.modifiers())
        ? new SqlType(type.name(), null, null, type.arrayDimensions())
        : type;
  }

  static boolean needsUsing(SqlType from, SqlType to) {
    if (from.isUserDefined() || to.isUserDefined()) {
      return !from.equals(to);
    }
    Parsed a = Parsed.of(from);
    Parsed b = Parsed.of(to);
    if (a.arrayDimensions() != b.arrayDimensions()) {
      return true;
    }
    return !a.base().equals(b.base()) && !ASSIGNMENT_CASTS.contains(a.base() + "\t" + b.base());
  }

  /** The USING expression converting {@code column} from one type to the other. */
  static String using(String column, SqlType from, SqlType to) {
    String target = TypeNames.sql(to);
    if (from.isUserDefined() || to.isUserDefined()) {
      // Enum types convert through their text form.
      return quote(column)
          + "::text"
          + "[]".repeat(Math.max(from.arrayDimensions(), to.arrayDimensions()))
          + "::"
          + target;
    }
    return quote(column) + "::" + target;
  }

  /** Why existing values may not survive the change, if they may not. */
  static Optional<String> risk(SqlType from, SqlType to) {
    if (from.isUserDefined() || to.isUserDefined()) {
      return Optional.of("values that do not convert make it fail");
    }
    Parsed a = Parsed.of(from);
    Parsed b = Parsed.of(to);
    if (a.base().equals(b.base())) {
      return narrower(a, b);
    }
    if (INTEGERS.contains(a.base()) && INTEGERS.contains(b.base())) {
      return INTEGERS.indexOf(b.base()) < INTEGERS.indexOf(a.base())
          ? Optional.of("values outside the " + b.base() + " range make it fail")
          : Optional.empty();
    }
    if (textual(a.base()) && textual(b.base())) {
      return b.modifiers().isEmpty() ? Optional.empty() : Optional.of("longer values make it fail");
    }
    if (a.base().equals("timestamp with time zone")
        && b.base().equals("timestamp without time zone")) {
      return Optional.of("time zones are dropped: values are converted to the session's time zone");
    }
    if (a.base().equals("double precision") && b.base().equals("real")
        || (a.base().equals("numeric") || a.base().contains("precision") || a.base().equals("real"))
            && INTEGERS.contains(b.base())) {
      return Optional.of("values lose precision");
    }
    if (needsUsing(from, to)) {
      return Optional.of("values that do not convert make it fail");
    }
    return Optional.empty();
  }

  private static Optional<String> narrower(Parsed a, Parsed b) {
    if (b.modifiers().isEmpty()) {
      return Optional.empty();
    }
    if (a.modifiers().isEmpty()) {
      return Optional.of("values beyond the new limits make it fail or are rounded");
    }
    for (int i = 0; i < Math.min(a.modifiers().size(), b.modifiers().size()); i++) {
      if (b.modifiers().get(i) < a.modifiers().get(i)) {
        return Optional.of(
            textual(a.base())
                ? "longer values make it fail"
                : "values beyond the new precision make it fail or are rounded");
      }
    }
    return Optional.empty();
  }

  private static boolean textual(String base) {
    return base.equals("text") || base.equals("character varying") || base.equals("character");
  }

  private static Set<String> loadCasts() {
    Set<String> casts = new HashSet<>();
    try (InputStream in = TypeChanges.class.getResourceAsStream("assignment-casts.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          casts.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(casts);
  }
}
