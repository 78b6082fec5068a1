package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import java.sql.Connection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description = "Show the revision(s) the database is at.")
final class CurrentCommand extends BaseCommand {

  @Option(names = "--verbose", description = "Show each revision's details.")
  boolean details;

  @Override
  int execute() throws Exception {
    RevisionGraph graph = context().graph();
    List<String> heads;
    Connection connection = context().connect();
    try {
      context().runner().prepare(connection);
      heads = context().runner().currentHeads(connection);
    } finally {
      CommandContext.closeQuietly(connection);
    }
    if (heads.isEmpty()) {
      console().info("The database is at base (no revision applied).");
      return 0;
    }
    new dev.retort.revision.RevisionNavigator(graph).requireKnown(heads);
    for (String head : heads) {
      if (details) {
        RevisionLines.verbose(graph, graph.get(head), heads).forEach(console()::result);
      } else {
        console().result(head + (graph.childrenOf(head).isEmpty() ? " (head)" : ""));
      }
    }
    return 0;
  }
}
