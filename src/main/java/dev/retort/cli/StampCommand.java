package dev.retort.cli;

import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
      "Record TARGET as the database's revision without running any migration.",
      "TARGET: head, heads, base, or a revision. --purge first forgets whatever is recorded,",
      "even revisions no migration defines."
    })
final class StampCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "TARGET")
  String target;

  @Option(
      names = "--purge",
      description = "Replace the recorded revisions even if they are unknown.")
  boolean purge;

  @Option(
      names = "--confirm-production",
      description = "Allow running against a production environment.")
  boolean confirmProduction;

  @Override
  int execute() throws Exception {
    ProductionGuard.check(
        context().config(), confirmProduction, context().environment().variables(), "stamp");
    List<String> heads;
    Connection connection = context().connect();
    try {
      heads = context().runner().stamp(connection, target, purge);
    } finally {
      CommandContext.closeQuietly(connection);
    }
    console()
        .success(
            "Stamped the database at "
                + (heads.isEmpty() ? "base" : String.join(", ", heads))
                + ".");
    return 0;
  }
}
