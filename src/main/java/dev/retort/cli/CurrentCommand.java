package dev.retort.cli;

import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionLines;
import dev.retort.workspace.Workspace;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "current",
    mixinStandardHelpOptions = true,
    description = "Show the revision(s) the database is at.")
final class CurrentCommand extends BaseCommand {

  @Option(names = "--verbose", description = "Show each revision's details.")
  boolean details;

  @Mixin TenantOptions tenants = new TenantOptions();

  @Override
  int execute() {
    Workspace workspace = context().workspace();
    if (tenants.active()) {
      return FleetOutput.run(
          console(), tenants, () -> workspace.fleet().current(tenants.options()));
    }
    Workspace.Current current = workspace.current();
    List<String> heads = current.heads();
    current.partial().forEach(partial -> console().result(partial.describe()));
    if (heads.isEmpty() && current.unversionedTables() > 0) {
      console()
          .result(
              "unversioned: "
                  + current.unversionedTables()
                  + " table(s) and no Retort version table (built some other way)");
      console()
          .info(
              "Adopt it: 'retort stamp --detect' finds the revision its schema matches (then"
                  + " 'retort stamp REV'); with no migrations yet, 'retort revision"
                  + " --from-database -m baseline' writes its schema as the first one.");
      return 0;
    }
    if (heads.isEmpty()) {
      console().info("The database is at base (no revision applied).");
      return 0;
    }
    RevisionGraph graph = workspace.graph();
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
