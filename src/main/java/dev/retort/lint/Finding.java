package dev.retort.lint;

import java.util.Comparator;

/**
 * One problem lint found in a migration.
 *
 * @param file the migration's source, as the revision graph names it (a path, or a class name)
 * @param line the line in that file, or 0 when unknown (a migration loaded from a classpath)
 * @param hint the safe alternative, or null
 */
public record Finding(
    String ruleId,
    Severity severity,
    String migrationId,
    String file,
    int line,
    String message,
    String hint) {

  /** The report's order: file, line, rule; so the same migrations always print the same way. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingInt(Finding::line)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);
}
