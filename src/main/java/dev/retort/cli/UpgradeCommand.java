package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Apply migrations up to TARGET.",
      "TARGET: head (default), heads, +N, a revision or unique prefix; with --sql also FROM:TO."
    })
final class UpgradeCommand extends BaseCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", defaultValue = "head")
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
              context().workspace().fleet().upgrade(target, tenants.options(), confirmProduction));
    }
    if (sql) {
      console().result(context().workspace().scripts().upgradeSql(target));
      return 0;
    }
    Outcomes.summarize(
        console(), context().workspace().upgrade(target, confirmProduction), "upgrade");
    return 0;
  }
}
