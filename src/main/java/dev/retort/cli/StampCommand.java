package dev.retort.cli;

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
  int execute() {
    List<String> heads = context().workspace().stamp(target, purge, confirmProduction);
    console()
        .success(
            "Stamped the database at "
                + (heads.isEmpty() ? "base" : String.join(", ", heads))
                + ".");
    return 0;
  }
}
