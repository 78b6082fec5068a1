package dev.retort.maven;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.lint.LintReport;
import dev.retort.render.ReviewText;
import dev.retort.workspace.Linting;
import dev.retort.workspace.RoundTrip;
import dev.retort.workspace.Workspace;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build, listing the differences, when the entities and the migrations disagree (as
 * {@code retort check}). With a configured database it must be at head; with none, an embedded
 * PostgreSQL is upgraded from the migrations and compared. In an execution, it runs at {@code
 * verify}.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class CheckMojo extends RetortMojo {

  /** Skip the downgrade test (upgrade, downgrade, upgrade) of the migrations not yet applied. */
  @Parameter(property = "retort.noRoundtrip", defaultValue = "false")
  boolean noRoundtrip;

  @Override
  void run(Workspace workspace) throws MojoFailureException {
    lintPending(workspace);
    Workspace.Checked checked = workspace.check(!noRoundtrip);
    output().detail("timings: " + workspace.timings());
    MigrationPlan plan = checked.plan();
    if (!plan.isEmpty()) {
      output()
          .error(plan.changes().size() + " difference(s) between the entities and the migrations:");
      ReviewText.differenceLines(plan).forEach(output()::error);
    }
    RoundTrip.Result roundTrip = checked.roundTrip();
    if (roundTrip != null && !roundTrip.passed()) {
      output().error("the downgrade of " + roundTrip.range() + " does not restore the schema:");
      roundTrip.differences().forEach(d -> output().error("  " + d));
    }
    if (checked.inSync()) {
      output().info("The entities and the migrations are in sync.");
      return;
    }
    throw new MojoFailureException(failure(plan, roundTrip));
  }

  private static String failure(MigrationPlan plan, RoundTrip.Result roundTrip) {
    if (plan.isEmpty()) {
      return "the downgrade of "
          + roundTrip.range()
          + " does not restore the schema (listed above) (hint: fix the downgrade of the newest"
          + " migration)";
    }
    List<String> summaries = plan.changes().stream().map(PlannedChange::summary).toList();
    return plan.changes().size()
        + " difference(s) between the entities and the migrations: "
        + String.join("; ", summaries.subList(0, Math.min(3, summaries.size())))
        + (summaries.size() > 3 ? "; and " + (summaries.size() - 3) + " more (listed above)" : "")
        + " (hint: write a migration for them: mvn retort:revision -Dretort.autogenerate"
        + " -Dretort.message=\"...\")";
  }

  /** What the migrations not yet applied do that a reviewer should know; it does not fail. */
  private void lintPending(Workspace workspace) {
    Linting.Result result = new Linting(workspace).notYetApplied();
    LintReport report = result.report();
    if (!report.findings().isEmpty()) {
      output()
          .warning(
              "lint: "
                  + report.findings().size()
                  + " finding(s) in the "
                  + result.linted().size()
                  + " migration(s) not yet applied:");
      report.textLines().forEach(output()::warning);
    }
  }
}
