package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "downgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Revert migrations down to TARGET.",
      "TARGET: -N, base, or a revision (prefix ok); with --sql, FROM:TO (e.g. head:base)."
    })
final class DowngradeCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "TARGET")
  String target;

  @Option(
      names = "--sql",
      description = "Print the SQL instead of running it (no database needed).")
  boolean sql;

  @Option(
      names = "--confirm-production",
      description = "Allow running against a production environment.")
  boolean confirmProduction;

  @Mixin TenantOptions tenants = new TenantOptions();

  @Override
  int execute() {
    if (tenants.active()) {
      tenants.refuseWith(sql, "--sql");
      return FleetOutput.run(
          console(),
          tenants,
          () ->
              context()
                  .workspace()
                  .fleet()
                  .downgrade(target, tenants.options(), confirmProduction));
    }
    if (sql) {
      console().result(context().workspace().scripts().downgradeSql(target));
      return 0;
    }
    Outcomes.summarize(
        console(), context().workspace().downgrade(target, confirmProduction), "downgrade");
    return 0;
  }
}
