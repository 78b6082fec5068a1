package dev.retort.cli;

import dev.retort.lint.Finding;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.workspace.Linting;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "pending",
    mixinStandardHelpOptions = true,
    description = {
      "List the migrations 'upgrade TARGET' would apply to the configured database, in order,",
      "with what a reviewer should see first: open decisions and lint warnings. Applies nothing."
    })
final class PendingCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "TARGET", defaultValue = "heads")
  String target;

  @Mixin TenantOptions tenants = new TenantOptions();

  @Override
  int execute() {
    if (tenants.active()) {
      return FleetOutput.print(
          console(),
          context().workspace().fleet().pending(target, tenants.options()),
          tenants.json());
    }
    MigrationPath path = context().workspace().pending(target);
    if (path.isEmpty()) {
      console().success("Nothing pending: the database is at " + target + ".");
      return 0;
    }
    LintReport lint = new Linting(context().workspace()).lint(path.steps());
    console().result(path.steps().size() + " migration(s) to apply:");
    for (MigrationScript script : path.steps()) {
      console()
          .result(
              "  "
                  + CommandContext.parents(script)
                  + " -> "
                  + script.id()
                  + ", "
                  + script.message()
                  + " ("
                  + script.source()
                  + ")");
      List<Finding> findings =
          lint.findings().stream()
              .filter(f -> f.migrationId().equals(script.id()))
              // Errors and warnings; notes are for 'retort lint'.
              .filter(f -> f.severity().compareTo(Severity.WARNING) <= 0)
              .toList();
      findings.forEach(
          f ->
              console()
                  .result(
                      "      "
                          + f.severity().word()
                          + " "
                          + f.ruleId()
                          + " line "
                          + f.line()
                          + ": "
                          + f.message()));
    }
    return 0;
  }
}
