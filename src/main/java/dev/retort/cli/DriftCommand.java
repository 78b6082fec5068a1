package dev.retort.cli;

import dev.retort.compare.PlannedChange;
import dev.retort.error.ExitCode;
import dev.retort.render.ReviewText;
import dev.retort.workspace.DriftCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the configured database with what the migrations build at the revision it",
      "records (replayed on an embedded PostgreSQL). Exit 0 when they agree, 1 with the",
      "differences. Only reads the database. With --tenants, every tenant of the fleet against",
      "what the migrations build at its revision (replayed once per revision)."
    })
final class DriftCommand extends BaseCommand {

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

  @Mixin TenantOptions tenants = new TenantOptions();

  @Override
  int execute() {
    if (tenants.active()) {
      tenants.refuseWith(
          format == Format.json, "--format json", "write --report json for one record per tenant");
      return FleetOutput.run(
          console(), tenants, () -> context().workspace().fleet().drift(tenants.options()));
    }
    if (format == Format.json) {
      console().documentOnStandardOutput();
    }
    DriftCheck.Report report = context().workspace().drift();
    if (report.otherTools() != null) {
      console().info(report.otherTools());
    }
    if (format == Format.json) {
      console().result(ReviewText.json(report.differences()));
    } else if (report.differences().isEmpty()) {
      console()
          .success(
              "No drift: the database is what the migrations build at "
                  + DriftCheck.describe(report.heads())
                  + ".");
    } else {
      console()
          .result(
              "The database differs from what the migrations build at "
                  + DriftCheck.describe(report.heads())
                  + "; to match them it would need:");
      for (PlannedChange change : report.differences().changes()) {
        console().result("  " + change.summary());
      }
      console()
          .info(
              "Write a migration for what should stay (retort revision --autogenerate), or undo"
                  + " the changes made outside the migrations.");
    }
    return report.differences().isEmpty() ? ExitCode.OK.code() : ExitCode.DIFFERENCES.code();
  }
}
