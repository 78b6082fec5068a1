package dev.retort.lint;

import dev.retort.operation.CreateTable;
import dev.retort.operation.RenameTable;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One migration as the rules see it: its steps in order with their lines, whether it runs in one
 * transaction, the settings, and what stopped the recording early (if anything).
 *
 * @param stoppedAt why the migration could not be followed to its end, or null
 * @param suppressionProblems suppression comments that do not count (no reason, unknown rule)
 */
public record MigrationContext(
    String id,
    String file,
    boolean transactional,
    LintSettings settings,
    List<Step> steps,
    String stoppedAt,
    int stoppedLine,
    List<Suppressions.Problem> suppressionProblems) {

  public MigrationContext {
    steps = List.copyOf(steps);
    suppressionProblems = List.copyOf(suppressionProblems);
  }

  Finding finding(RuleInfo rule, int line, String message) {
    return new Finding(rule.id(), rule.severity(), id, file, line, message, rule.instead());
  }

  /**
   * Whether {@code table} was created by this migration before {@code step}: a table nobody can be
   * using yet, so locks and rewrites on it cost nothing.
   */
  boolean isNew(QualifiedName table, Step step) {
    List<QualifiedName> created = new ArrayList<>();
    for (Step earlier : steps) {
      if (earlier.index() >= step.index()) {
        break;
      }
      if (earlier.operation() instanceof CreateTable create) {
        created.add(create.table().name());
      } else if (earlier.operation() instanceof RenameTable rename
          && created.stream().anyMatch(name -> same(name, rename.table()))) {
        created.add(rename.table().withName(rename.newName()));
      }
    }
    return created.stream().anyMatch(name -> same(name, table));
  }

  /** Whether two names mean the same table; an unqualified name is in the default schema. */
  static boolean same(QualifiedName a, QualifiedName b) {
    return a.name().equals(b.name())
        && (a.schema() == null || b.schema() == null || Objects.equals(a.schema(), b.schema()));
  }
}
