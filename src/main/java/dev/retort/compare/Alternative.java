package dev.retort.compare;

import dev.retort.operation.Operation;
import dev.retort.postgres.Identifiers;
import dev.retort.postgres.Literals;
import dev.retort.schema.QualifiedName;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of what a review flag offers instead of (or before) its operation. The renderer writes
 * the steps out (as commented-out code in the generated class, as lines on the console, as JSON),
 * so a reviewer can take them as they are, filling in what only they know.
 */
public sealed interface Alternative {

  /** An operation to run. */
  record Run(Operation operation) implements Alternative {}

  /**
   * An update whose new value only the reviewer knows: {@code UPDATE table SET column = <value>},
   * for the rows {@code where} selects (SQL, or null for all rows).
   *
   * @param value what to write in place of the value, such as {@code <value>} or {@code '<value>'}
   */
  record Backfill(QualifiedName table, String column, String value, String where)
      implements Alternative {

    /** An update of the rows whose {@code column} holds one of {@code values}. */
    static Backfill ofRowsHolding(
        QualifiedName table, String column, String value, List<String> values) {
      return new Backfill(
          table,
          column,
          value,
          Identifiers.quote(column)
              + " IN ("
              + values.stream().map(Literals::string).collect(Collectors.joining(", "))
              + ")");
    }
  }

  /** A line of explanation between steps. */
  record Note(String text) implements Alternative {}

  static List<Alternative> run(Operation... operations) {
    return Arrays.stream(operations).<Alternative>map(Run::new).toList();
  }
}
