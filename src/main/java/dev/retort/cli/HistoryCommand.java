package dev.retort.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "List revisions, newest first.",
      "With --verbose and a configured database, also when each was applied."
    })
final class HistoryCommand extends BaseCommand {

  @Option(
      names = {"-r", "--rev-range"},
      paramLabel = "RANGE",
      description = "FROM:TO, either end optional (base, head, a revision).")
  String range;

  @Option(names = "--verbose", description = "Show details of each revision.")
  boolean details;

  @Override
  int execute() {
    context().workspace().history(range, details).lines(details).forEach(console()::result);
    return 0;
  }
}
