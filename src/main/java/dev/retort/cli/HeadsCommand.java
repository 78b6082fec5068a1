package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionLines;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "heads",
    mixinStandardHelpOptions = true,
    description = "Show the head revisions of the migrations.")
final class HeadsCommand extends BaseCommand {

  @picocli.CommandLine.Option(
      names = "--check",
      description = "Exit 4 when there is more than one head (for CI, before a deploy).")
  boolean check;

  @Override
  int execute() {
    RevisionGraph graph = context().workspace().graph();
    for (String head : graph.heads()) {
      console().result(RevisionLines.line(graph, graph.get(head), List.of()));
    }
    if (check && graph.heads().size() > 1) {
      console()
          .error(
              graph.heads().size()
                  + " heads: 'upgrade head' would fail; merge them: retort merge -m \"merge\" "
                  + String.join(" ", graph.heads()));
      return ExitCode.REVISION_GRAPH.code();
    }
    return 0;
  }
}
