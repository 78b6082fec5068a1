package dev.retort.lint;

import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule about one kind of operation, looked up by its class (a class-keyed registry, as the
 * operations are a sealed family without pattern matching in Java 17). Raw SQL that reads as that
 * operation is checked by the same rule.
 */
final class OperationRule<T extends Operation> implements LintRule {

  /** The finding's message for one operation, or null when the operation is fine. */
  interface Check<T> {
    String message(T operation, Step step, MigrationContext migration);
  }

  private final RuleInfo info;
  private final Class<T> type;
  private final Check<T> check;

  OperationRule(RuleInfo info, Class<T> type, Check<T> check) {
    this.info = info;
    this.type = type;
    this.check = check;
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  @Override
  public List<Finding> check(MigrationContext migration) {
    List<Finding> findings = new ArrayList<>();
    for (Step step : migration.steps()) {
      if (type.isInstance(step.operation())) {
        String message = check.message(type.cast(step.operation()), step, migration);
        if (message != null) {
          findings.add(migration.finding(info, step.line(), message));
        }
      }
    }
    return findings;
  }
}
