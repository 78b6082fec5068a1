package dev.retort.lint;

import dev.retort.migration.Migration;
import dev.retort.operation.DryRun;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * Lints migrations: records each one's upgrade, reads the SQL of its {@code op.execute(...)} calls,
 * runs every rule, and drops the findings its {@code retort:ignore} comments suppress.
 */
public final class Linter {

  private final LintSettings settings;

  public Linter(LintSettings settings) {
    this.settings = settings;
  }

  public LintReport lint(List<LintTarget> targets) {
    List<Finding> findings = new ArrayList<>();
    for (LintTarget target : targets) {
      findings.addAll(lint(target));
    }
    return new LintReport(findings, settings);
  }

  List<Finding> lint(LintTarget target) {
    Migration migration = target.factory().get();
    Recording recording = Recording.of(migration);
    Suppressions suppressions = Suppressions.parse(target.source(), Rules.ids());
    MigrationContext context =
        new MigrationContext(
            target.id(),
            target.file(),
            recording.transactional(),
            settings,
            steps(recording),
            recording.run().stoppedAt(),
            recording.run().stoppedLine(),
            suppressions.problems());
    List<Finding> findings = new ArrayList<>();
    for (LintRule rule : Rules.all()) {
      for (Finding finding : rule.check(context)) {
        if (!suppressions.suppresses(finding)) {
          findings.add(finding);
        }
      }
    }
    return findings;
  }

  /** The operations, with raw SQL read into the operations and statements it stands for. */
  private static List<Step> steps(Recording recording) {
    List<Step> steps = new ArrayList<>();
    for (DryRun.Issued issued : recording.run().operations()) {
      Operation operation = issued.operation();
      if (!(operation instanceof ExecuteSql sql)) {
        steps.add(new Step(steps.size(), issued.line(), operation, null, null));
        continue;
      }
      SqlParsing.Parsed parsed = SqlParsing.statements(sql.sql());
      if (parsed.error() != null) {
        steps.add(new Step(steps.size(), issued.line(), operation, null, parsed.error()));
        continue;
      }
      for (Statement statement : parsed.statements()) {
        List<Operation> read;
        try {
          read = SqlOperations.of(statement);
        } catch (RuntimeException e) {
          // The parser's tree had a shape this reading does not expect: say so, never fail.
          steps.add(new Step(steps.size(), issued.line(), operation, null, "unexpected " + e));
          continue;
        }
        if (read.isEmpty()) {
          steps.add(new Step(steps.size(), issued.line(), null, statement, null));
        }
        for (Operation each : read) {
          steps.add(new Step(steps.size(), issued.line(), each, statement, null));
        }
      }
    }
    return steps;
  }
}
