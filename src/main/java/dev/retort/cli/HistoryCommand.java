package dev.retort.cli;

import dev.retort.revision.MigrationScript;
import dev.retort.runtime.VersionTable;
import dev.retort.workspace.Workspace;
import java.util.List;
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
    Workspace.History history = context().workspace().history(range, details);
    history.partial().forEach(partial -> console().result(Partials.describe(partial)));
    for (MigrationScript script : history.revisions()) {
      if (!details) {
        console().result(RevisionLines.line(history.graph(), script, history.current()));
        continue;
      }
      List<String> lines = RevisionLines.verbose(history.graph(), script, history.current());
      for (VersionTable.Entry entry : history.applied()) {
        if (entry.revision().equals(script.id())) {
          lines.add(
              lines.size() - 1,
              "    "
                  + entry.direction()
                  + " at "
                  + entry.appliedAt()
                  + (entry.durationMs() == null ? "" : " in " + entry.durationMs() + " ms")
                  + " by "
                  + entry.appliedBy());
        }
      }
      lines.forEach(console()::result);
    }
    return 0;
  }
}
