package dev.retort.cli;

import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionLines;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "branches",
    mixinStandardHelpOptions = true,
    description = "Show the revisions where the history branches.")
final class BranchesCommand extends BaseCommand {

  @Override
  int execute() {
    RevisionGraph graph = context().workspace().graph();
    for (MigrationScript script : graph.inOrder()) {
      if (graph.isBranchPoint(script.id())) {
        console().result(RevisionLines.line(graph, script, List.of()));
        for (String child : graph.childrenOf(script.id())) {
          console()
              .result(
                  "    -> "
                      + child
                      + RevisionLines.markers(graph, graph.get(child), List.of())
                      + ", "
                      + graph.get(child).message());
        }
      }
    }
    return 0;
  }
}
