package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.OfflineSqlWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a revision's details and the SQL of its upgrade.")
final class ShowCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "REV", description = "A revision, unique prefix, or head.")
  String revision;

  @Option(names = "--no-sql", description = "Leave out the upgrade SQL.")
  boolean noSql;

  @Override
  int execute() {
    RevisionGraph graph = context().graph();
    String id =
        revision.equals("head")
            ? new RevisionNavigator(graph).singleHead()
            : graph.resolve(revision);
    if (id == null) {
      throw RetortException.revisionGraph(
          "there are no revisions yet", "create one with 'retort revision'");
    }
    MigrationScript script = graph.get(id);
    RevisionLines.verbose(graph, script, List.of()).forEach(console()::result);
    if (!noSql) {
      MigrationPath single =
          new MigrationPath(graph, Direction.UPGRADE, script.parents(), List.of(script));
      console().result("Upgrade SQL:");
      try {
        console()
            .result(new OfflineSqlWriter(context().config().versionTable()).write(single).strip());
      } catch (RetortException e) {
        console().result("    (not available offline: " + e.getMessage() + ")");
      }
    }
    return 0;
  }
}
