package dev.retort.lint;

import java.util.List;

/** One check, with a stable id; it reads one migration's steps and reports what it finds. */
public interface LintRule {

  RuleInfo info();

  List<Finding> check(MigrationContext migration);
}
