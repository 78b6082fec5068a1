package dev.retort.cli;

import dev.retort.workspace.FlywayImport;
import dev.retort.workspace.LiquibaseImport;
import dev.retort.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turn another tool's history into Retort migrations. 'import flyway DIR': each versioned",
      "script V<version>__<description>.sql becomes a migration that executes it (its undo script",
      "U<version>__... the downgrade), in Flyway's order. 'import liquibase CHANGELOG': each",
      "changeset becomes a migration that executes the SQL Liquibase generates for it on",
      "PostgreSQL (its rollback the downgrade), in changelog order. With a database configured",
      "that the tool migrated, it is stamped at the last script or changeset the tool's history",
      "table records, after checking the tool's checksums: nothing runs twice, no downtime."
    })
final class ImportCommand extends BaseCommand {

  enum Tool {
    flyway,
    liquibase
  }

  @Parameters(index = "0", paramLabel = "TOOL", description = "flyway or liquibase")
  Tool tool;

  @Parameters(
      index = "1",
      paramLabel = "SOURCE",
      description = "flyway: the directory of the scripts; liquibase: the master changelog file")
  Path source;

  @Option(
      names = "--table",
      paramLabel = "TABLE",
      description = "The tool's history table (flyway_schema_history, databasechangelog).")
  String table;

  @Option(
      names = "--search-path",
      paramLabel = "DIR",
      split = ",",
      description =
          "liquibase: the directories the changelog's includes are relative to (default:"
              + " src/main/resources and the project directory).")
  List<Path> searchPath = new ArrayList<>();

  @Option(names = "--confirm-production", description = "Allow stamping a production environment.")
  boolean confirmProduction;

  @Override
  int execute() {
    Workspace workspace = context().workspace();
    if (tool == Tool.liquibase) {
      LiquibaseImport.Imported imported =
          workspace.importLiquibase(
              source, searchPath, table == null ? "databasechangelog" : table, confirmProduction);
      report(imported.written(), imported.warnings(), imported.stampedAt(), "Liquibase");
    } else {
      FlywayImport.Imported imported =
          workspace.importFlyway(
              source, table == null ? "flyway_schema_history" : table, confirmProduction);
      report(imported.written(), imported.warnings(), imported.stampedAt(), "Flyway");
    }
    return 0;
  }

  private void report(
      List<Workspace.Written> written, List<String> warnings, String stampedAt, String toolName) {
    for (Workspace.Written each : written) {
      console().info("Generated " + each.file().getFileName() + " (" + each.id() + ")");
    }
    warnings.forEach(console()::warning);
    console().success("Imported " + written.size() + " " + toolName + " migration(s).");
    if (stampedAt != null) {
      console()
          .success(
              "Stamped the database at "
                  + stampedAt
                  + ", where "
                  + toolName
                  + " left it; from now on run 'retort upgrade'.");
    }
  }
}
