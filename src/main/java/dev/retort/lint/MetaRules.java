package dev.retort.lint;

import java.util.ArrayList;
import java.util.List;

/** What lint could not read, and suppressions that do not count. */
final class MetaRules {

  static final RuleInfo UNPARSED =
      new RuleInfo(
          "RT026",
          Severity.INFO,
          "SQL not understood",
          "the SQL parser could not read this op.execute(...), so no rule checked it",
          "review it by hand; express it with the DSL where one exists");

  static final RuleInfo NOT_LINTED =
      new RuleInfo(
          "RT027",
          Severity.INFO,
          "migration not linted to its end",
          "the upgrade uses the database connection (or threw), which lint does not have: the"
              + " steps after that point were not checked",
          "review the data migration by hand");

  static final RuleInfo SUPPRESSION =
      new RuleInfo(
          "RT028",
          Severity.WARNING,
          "suppression without a reason",
          "a retort:ignore without a reason (or naming no known rule) hides a problem without"
              + " telling reviewers why; it suppresses nothing",
          "// retort:ignore RT004 -- why it is safe here");

  private MetaRules() {}

  static List<LintRule> rules() {
    return List.of(
        rule(
            UNPARSED,
            m -> {
              List<Finding> findings = new ArrayList<>();
              for (Step step : m.steps()) {
                if (step.parseError() != null) {
                  findings.add(
                      m.finding(
                          UNPARSED,
                          step.line(),
                          "could not parse the SQL of op.execute(...): " + step.parseError()));
                }
              }
              return findings;
            }),
        rule(
            NOT_LINTED,
            m ->
                m.stoppedAt() == null
                    ? List.of()
                    : List.of(
                        m.finding(
                            NOT_LINTED,
                            m.stoppedLine(),
                            "not linted past this point: " + m.stoppedAt()))),
        rule(
            SUPPRESSION,
            m ->
                m.suppressionProblems().stream()
                    .map(p -> m.finding(SUPPRESSION, p.line(), p.message()))
                    .toList()));
  }

  private interface Check {
    List<Finding> findings(MigrationContext migration);
  }

  private static LintRule rule(RuleInfo info, Check check) {
    return new LintRule() {
      @Override
      public RuleInfo info() {
        return info;
      }

      @Override
      public List<Finding> check(MigrationContext migration) {
        return check.findings(migration);
      }
    };
  }
}
