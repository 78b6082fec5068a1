package dev.retort.cli;

import dev.retort.compare.MigrationPlan;
import dev.retort.config.Durations;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.lint.LintReport;
import dev.retort.workspace.Linting;
import dev.retort.workspace.LockCheck;
import dev.retort.workspace.RoundTrip;
import dev.retort.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Exit 0 when the entities and the migrations agree, 1 (with the differences) when not.",
      "With a configured database it must be at head; with none, an embedded PostgreSQL is",
      "upgraded to head from the migrations and compared (no database service needed in CI).",
      "With --locks: the pending migrations run on an embedded PostgreSQL with filled tables;",
      "exit 1 when a statement holds a lock that stops writers longer than --lock-budget, or",
      "rewrites a table.",
      "With a fleet (tenants.*), the entities are compared with the template tenant",
      "(tenants.template); with --tenants, every tenant must be at head and in sync with them",
      "(exit 1 naming those that are not)."
    })
final class CheckCommand extends BaseCommand {

  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  Format format;

  @Option(
      names = "--no-roundtrip",
      description =
          "Skip the downgrade test (upgrade, downgrade, upgrade on an embedded PostgreSQL) of"
              + " the migrations not yet applied.")
  boolean noRoundTrip;

  @Option(
      names = "--locks",
      description =
          "Measure the locks of the migrations the database has not applied (with no database:"
              + " the newest) instead of comparing.")
  boolean locks;

  @Option(
      names = "--lock-budget",
      paramLabel = "DURATION",
      defaultValue = "500ms",
      description = "With --locks: the longest a lock that stops writers may be held (500ms).")
  String lockBudget;

  @Option(
      names = "--seed-rows",
      paramLabel = "N",
      defaultValue = "10000",
      description = "With --locks: rows put in every table first (10000).")
  long seedRows;

  @Mixin TenantOptions tenants = new TenantOptions();

  @Override
  int execute() {
    if (tenants.active()) {
      tenants.refuseWith(
          locks, "--locks", "measure the locks without --tenants: the migrations are the same");
      tenants.refuseWith(
          format == Format.json, "--format json", "write --report json for one record per tenant");
      return FleetOutput.run(
          console(), tenants, () -> context().workspace().fleet().check(tenants.options()));
    }
    if (format == Format.json) {
      // Which tenant the entities are compared with, or how they were read, stays out of it.
      console().documentOnStandardOutput();
    }
    if (locks) {
      if (seedRows < 1 || seedRows > 100_000_000) {
        throw RetortException.invalidInput(
            "--seed-rows " + seedRows + " is out of range",
            "give a number of rows from 1 to 100000000");
      }
      LockCheck.Report report =
          context().workspace().locks(Durations.parse("--lock-budget", lockBudget), seedRows);
      if (format == Format.json) {
        console().result(LockReport.json(report));
      } else {
        LockReport.print(console(), report, seedRows);
      }
      return report.overBudget() == 0 ? ExitCode.OK.code() : ExitCode.DIFFERENCES.code();
    }
    lintPending();
    Workspace.Checked checked = context().workspace().check(!noRoundTrip);
    MigrationPlan plan = checked.plan();
    console().detail("timings: " + context().workspace().timings());
    if (format == Format.json) {
      console().result(PlanReport.json(plan));
    } else if (plan.isEmpty()) {
      console().success("The entities and the migrations are in sync.");
    } else {
      console()
          .result(
              plan.changes().size() + " difference(s) between the entities and the migrations:");
      PlanReport.printDifferences(console(), plan);
      console()
          .info("Write a migration for them with: retort revision --autogenerate -m \"<message>\"");
    }
    reportRoundTrip(checked.roundTrip());
    return checked.inSync() ? ExitCode.OK.code() : ExitCode.DIFFERENCES.code();
  }

  /**
   * Lints the migrations not yet applied to the configured database, on standard error (so that
   * {@code --format json} stays one document).
   */
  private void lintPending() {
    Linting.Result result = new Linting(context().workspace()).notYetApplied();
    LintReport report = result.report();
    if (!report.findings().isEmpty()) {
      console()
          .warning(
              "lint: "
                  + report.findings().size()
                  + " finding(s) in the "
                  + result.linted().size()
                  + " migration(s) not yet applied:");
      report.textLines().forEach(line -> console().warning(line));
    }
  }

  /** Prints the downgrade test's outcome. */
  private void reportRoundTrip(RoundTrip.Result result) {
    if (result == null) {
      return;
    }
    if (result.passed()) {
      // A pass is said with -v only: the result line stays the comparison's.
      console()
          .detail(
              "Downgrade test passed ("
                  + result.range()
                  + "): upgrade, downgrade, upgrade"
                  + (result.remembered()
                      ? " (at an earlier check of these same migrations, whose replay was reused)."
                      : "."));
      return;
    }
    // On standard error, so that --format json stays one document.
    console().warning("the downgrade of " + result.range() + " does not restore the schema:");
    result.differences().forEach(d -> console().warning("  " + d));
  }
}
