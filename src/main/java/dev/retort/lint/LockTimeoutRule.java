package dev.retort.lint;

import dev.retort.schema.QualifiedName;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.SetStatement;

/**
 * RT016: a strong lock requested with no {@code lock_timeout}. While an ALTER TABLE waits for its
 * lock (behind a long transaction, say), every query on the table queues behind it: the application
 * stalls though the migration itself would be quick. Silent when the runner sets a {@code
 * lock_timeout} for every migration ({@link LintSettings#runnerSetsLockTimeout()}), or when the
 * migration ran {@code SET lock_timeout} before the step. Reported once per migration, at its first
 * such step.
 */
final class LockTimeoutRule implements LintRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "RT016",
          Severity.WARNING,
          "strong lock without lock_timeout",
          "while the statement waits for its lock, every query on the table queues behind it and"
              + " the application stalls",
          "op.execute(\"SET lock_timeout = '5s'\") first (SET LOCAL in a transaction), and retry"
              + " the migration if it times out");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(MigrationContext migration) {
    if (migration.settings().runnerSetsLockTimeout()) {
      return List.of();
    }
    for (Step step : migration.steps()) {
      if (setsLockTimeout(step)) {
        return List.of();
      }
      QualifiedName table = LockedTable.of(step);
      if (table != null && !migration.isNew(table, step)) {
        return List.of(
            migration.finding(
                INFO,
                step.line(),
                "this locks "
                    + table
                    + " with no lock_timeout set in the migration or by the runner: waiting for"
                    + " the lock stalls every query on "
                    + table));
      }
    }
    return List.of();
  }

  private static boolean setsLockTimeout(Step step) {
    return step.statement() instanceof SetStatement set
        && String.valueOf(set.getName()).toLowerCase(Locale.ROOT).equals("lock_timeout");
  }
}
