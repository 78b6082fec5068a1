package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "heads",
    mixinStandardHelpOptions = true,
    description = "Show the head revisions of the migrations.")
final class HeadsCommand extends BaseCommand {

  @Override
  int execute() {
    RevisionGraph graph = context().workspace().graph();
    for (String head : graph.heads()) {
      console().result(RevisionLines.line(graph, graph.get(head), List.of()));
    }
    return 0;
  }
}
