package dev.retort.cli;

import dev.retort.workspace.FlywayImport;
import dev.retort.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn another tool's history into Retort migrations. 'import flyway DIR': each versioned",
      "script V<version>__<description>.sql becomes a migration that executes it (its undo script",
      "U<version>__... the downgrade), in Flyway's order. With a database configured that Flyway",
      "migrated, it is stamped at the last version flyway_schema_history records, after checking",
      "Flyway's checksums: nothing runs twice, no downtime."
    })
final class ImportCommand extends BaseCommand {

  enum Tool {
    flyway
  }

  @Parameters(index = "0", paramLabel = "TOOL", description = "flyway")
  Tool tool;

  @Parameters(index = "1", paramLabel = "DIR", description = "the directory of the scripts")
  Path directory;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      defaultValue = "flyway_schema_history",
      description = "Flyway's history table (flyway_schema_history).")
  String table;

  @Option(names = "--confirm-production", description = "Allow stamping a production environment.")
  boolean confirmProduction;

  @Override
  int execute() {
    FlywayImport.Imported imported =
        context().workspace().importFlyway(directory, table, confirmProduction);
    for (Workspace.Written written : imported.written()) {
      console().info("Generated " + written.file().getFileName() + " (" + written.id() + ")");
    }
    imported.warnings().forEach(console()::warning);
    console().success("Imported " + imported.written().size() + " Flyway migration(s).");
    if (imported.stampedAt() != null) {
      console()
          .success(
              "Stamped the database at "
                  + imported.stampedAt()
                  + ", where Flyway left it; from now on run 'retort upgrade'.");
    }
    return 0;
  }
}
