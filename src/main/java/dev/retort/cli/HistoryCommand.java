package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.VersionTable;
import java.sql.Connection;
import java.util.ArrayList;
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
  int execute() throws Exception {
    RevisionGraph graph = context().graph();
    List<MigrationScript> scripts = new ArrayList<>(select(graph));
    java.util.Collections.reverse(scripts);
    List<String> current = List.of();
    List<VersionTable.Entry> applied = List.of();
    if (details && context().config().database() != null) {
      Connection connection = context().connect();
      try {
        context().runner().prepare(connection);
        current = context().runner().currentHeads(connection);
        applied = context().runner().history(connection);
      } finally {
        CommandContext.closeQuietly(connection);
      }
    }
    for (MigrationScript script : scripts) {
      if (details) {
        List<String> lines = RevisionLines.verbose(graph, script, current);
        for (VersionTable.Entry entry : applied) {
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
      } else {
        console().result(RevisionLines.line(graph, script, current));
      }
    }
    return 0;
  }

  private List<MigrationScript> select(RevisionGraph graph) {
    if (range == null) {
      return graph.inOrder();
    }
    int colon = range.indexOf(':');
    if (colon < 0) {
      throw RetortException.invalidInput(
          "range '" + range + "' has no ':'", "write FROM:TO, e.g. base:head or 1a2b:");
    }
    return graph.between(
        end(graph, range.substring(0, colon)), end(graph, range.substring(colon + 1)));
  }

  private static String end(RevisionGraph graph, String value) {
    if (value.isEmpty() || value.equals("base") || value.equals("heads")) {
      return null;
    }
    if (value.equals("head")) {
      return new RevisionNavigator(graph).singleHead();
    }
    return graph.resolve(value);
  }
}
