package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.workspace.ModelComparison;
import java.util.List;

/** Runs a comparison for a command, against the configured database or the embedded one. */
final class Comparisons {

  private Comparisons() {}

  static ModelComparison.Result run(
      CommandContext context, List<String> heads, List<String> renames) {
    RevisionGraph graph = context.graph();
    ModelComparison comparison =
        new ModelComparison(
            context.config(),
            graph,
            context.stages(),
            context.console()::warning,
            context.embeddedProgress());
    ModelComparison.Result result;
    if (context.config().database() != null) {
      context
          .console()
          .progress(
              "Comparing the entities with " + context.config().database().display() + " ...");
      result = comparison.againstDatabase(context.config().database(), heads, renames);
    } else {
      context
          .console()
          .detail(
              "no database configured: comparing on an embedded PostgreSQL upgraded to the head");
      context
          .console()
          .progress("Comparing the entities with the migrations (embedded PostgreSQL) ...");
      result = comparison.againstMigrations(heads, renames);
    }
    context.console().endProgress();
    return result;
  }
}
