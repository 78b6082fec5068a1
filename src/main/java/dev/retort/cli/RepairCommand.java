package dev.retort.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description = {
      "Accept an edited, already applied migration: record its current checksum as applied.",
      "Run it only after reviewing the edit: databases that applied the old form keep it.",
      "Without REV, every applied migration whose checksum changed is accepted."
    })
final class RepairCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "REV", arity = "0..1")
  String revision;

  @Option(
      names = "--confirm-production",
      description = "Allow running against a production environment.")
  boolean confirmProduction;

  @Override
  int execute() {
    List<String> repaired = context().workspace().repair(revision, confirmProduction);
    if (repaired.isEmpty()) {
      console().success("Nothing to repair: every applied migration is as it was applied.");
    } else {
      console()
          .success(
              "Recorded the current checksum of " + String.join(", ", repaired) + " as applied.");
    }
    return 0;
  }
}
