package dev.retort.lint;

import java.util.ArrayList;
import java.util.List;

/** One rule made of checks of several operation kinds, sharing the rule's id. */
final class Composite implements LintRule {

  private final RuleInfo info;
  private final List<LintRule> parts;

  Composite(RuleInfo info, LintRule... parts) {
    this.info = info;
    this.parts = List.of(parts);
  }

  @Override
  public RuleInfo info() {
    return info;
  }

  @Override
  public List<Finding> check(MigrationContext migration) {
    List<Finding> findings = new ArrayList<>();
    parts.forEach(part -> findings.addAll(part.check(migration)));
    return findings;
  }
}
