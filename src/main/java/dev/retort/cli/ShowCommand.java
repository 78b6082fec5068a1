package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionLines;
import dev.retort.workspace.Workspace;
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
    Workspace workspace = context().workspace();
    MigrationScript script = workspace.show(revision);
    RevisionLines.verbose(workspace.graph(), script, List.of()).forEach(console()::result);
    if (!noSql) {
      console().result("Upgrade SQL:");
      try {
        console().result(workspace.scripts().upgradeSqlOf(script).strip());
      } catch (RetortException e) {
        console().result("    (not available offline: " + e.getMessage() + ")");
      }
    }
    return 0;
  }
}
