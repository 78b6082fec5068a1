package dev.retort.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringTokenizer;

/**
 * The {@code // retort:ignore RT004 -- reason} comments of a migration's source. A comment on a
 * line of its own covers the next statement (through the line that ends it with {@code ;}); at the
 * end of a line of code it covers that line. Several ids may be listed ({@code RT004, RT016}). The
 * reason is required: a suppression without one, or naming a rule that does not exist, suppresses
 * nothing and is reported itself, so that every silenced finding says why in review.
 */
public final class Suppressions {

  static final String MARKER = "retort:ignore";

  /** A suppression comment that does not count, and why. */
  public record Problem(int line, String message) {}

  private record Suppression(Set<String> ids, int fromLine, int toLine) {}

  private final List<Suppression> suppressions;
  private final List<Problem> problems;

  private Suppressions(List<Suppression> suppressions, List<Problem> problems) {
    this.suppressions = List.copyOf(suppressions);
    this.problems = List.copyOf(problems);
  }

  public static final Suppressions NONE = new Suppressions(List.of(), List.of());

  /**
   * @param source the migration's Java source, or null
   * @param knownIds the ids of every rule
   */
  public static Suppressions parse(String source, Set<String> knownIds) {
    if (source == null) {
      return NONE;
    }
    List<String> lines = source.lines().toList();
    List<Suppression> found = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf("//");
      if (comment < 0) {
        continue;
      }
      String text = line.substring(comment + 2).strip();
      if (!text.startsWith(MARKER)) {
        continue;
      }
      int number = i + 1;
      String rest = text.substring(MARKER.length());
      int dashes = rest.indexOf("--");
      String reason = dashes < 0 ? "" : rest.substring(dashes + 2).strip();
      Set<String> ids = ids(dashes < 0 ? rest : rest.substring(0, dashes));
      if (ids.isEmpty()) {
        problems.add(
            new Problem(
                number, "retort:ignore names no rule (write: retort:ignore RT004 -- reason)"));
        continue;
      }
      List<String> unknown = ids.stream().filter(id -> !knownIds.contains(id)).toList();
      if (!unknown.isEmpty()) {
        problems.add(
            new Problem(
                number, "retort:ignore names unknown rule(s) " + String.join(", ", unknown)));
        continue;
      }
      if (reason.isEmpty()) {
        problems.add(
            new Problem(
                number,
                "retort:ignore "
                    + String.join(", ", ids)
                    + " gives no reason, so it suppresses nothing (write: -- why it is safe)"));
        continue;
      }
      boolean trailing = !line.substring(0, comment).isBlank();
      found.add(new Suppression(ids, number, trailing ? number : endOfNextStatement(lines, i)));
    }
    return new Suppressions(found, problems);
  }

  private static Set<String> ids(String text) {
    Set<String> ids = new LinkedHashSet<>();
    StringTokenizer tokens = new StringTokenizer(text, ", \t");
    while (tokens.hasMoreTokens()) {
      ids.add(tokens.nextToken());
    }
    return ids;
  }

  /** The 1-based line that ends the statement after line {@code index} (0-based). */
  private static int endOfNextStatement(List<String> lines, int index) {
    for (int j = index + 1; j < lines.size(); j++) {
      String line = lines.get(j);
      int comment = line.indexOf("//");
      String code = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (code.endsWith(";") || code.endsWith("{") || code.endsWith("}")) {
        return j + 1;
      }
    }
    return lines.size();
  }

  public boolean suppresses(Finding finding) {
    return suppressions.stream()
        .anyMatch(
            s ->
                s.ids().contains(finding.ruleId())
                    && finding.line() >= s.fromLine()
                    && finding.line() <= s.toLine());
  }

  public List<Problem> problems() {
    return problems;
  }
}
