package dev.retort.cli;

import dev.retort.lint.LintReport;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionLines;
import dev.retort.workspace.Linting;
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
      return FleetOutput.run(
          console(),
          tenants,
          () -> context().workspace().fleet().pending(target, tenants.options()));
    }
    MigrationPath path = context().workspace().pending(target);
    if (path.isEmpty()) {
      console().success("Nothing pending: the database is at " + target + ".");
      return 0;
    }
    LintReport lint = new Linting(context().workspace()).lint(path.steps());
    console().result(path.steps().size() + " migration(s) to apply:");
    for (MigrationScript script : path.steps()) {
      console().result("  " + RevisionLines.pending(script));
      lint.reviewLines(script.id()).forEach(line -> console().result("      " + line));
    }
    return 0;
  }
}
