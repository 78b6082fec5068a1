package dev.retort.cli;

import dev.retort.compare.MigrationPlan;
import dev.retort.error.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Exit 0 when the entities and the migrations agree, 1 (with the differences) when not.",
      "With a configured database it must be at head; with none, an embedded PostgreSQL is",
      "upgraded to head from the migrations and compared (no database service needed in CI)."
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

  @Override
  int execute() {
    MigrationPlan plan = context().workspace().check();
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
    return plan.isEmpty() ? ExitCode.OK.code() : ExitCode.DIFFERENCES.code();
  }
}
