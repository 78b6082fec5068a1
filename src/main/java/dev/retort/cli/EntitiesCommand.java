package dev.retort.cli;

import dev.retort.workspace.EntitiesFromDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    description = {
      "Write JPA entity sources for the database's tables (--from-database), by Hibernate Tools'"
          + " reverse engineering: one class per table in the configured schemas (include and"
          + " exclude apply; Retort's own tables are left out), with its columns, keys, unique"
          + " constraints, indexes, checks, defaults and comments, a many-to-one per foreign key,"
          + " and a Java enum per PostgreSQL enum type. Compiled and compared, they give 'check'"
          + " nothing to report against that database.",
      "Existing files are never overwritten without --force; nothing is written then."
    })
final class EntitiesCommand extends BaseCommand {

  @Option(
      names = "--from-database",
      required = true,
      description = "Reverse-engineer the configured database (the only source for now).")
  boolean fromDatabase;

  @Option(
      names = "--package",
      required = true,
      paramLabel = "PACKAGE",
      description = "The package of the entities, e.g. com.example.model.")
  String packageName;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "src/main/java",
      description = "The source root to write under (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--force", description = "Overwrite files that already exist.")
  boolean force;

  @Override
  int execute() {
    EntitiesFromDatabase.Generated generated =
        context()
            .workspace()
            .entitiesFromDatabase(
                packageName, context().environment().workingDir().resolve(out), force);
    for (Path file : generated.files()) {
      console().info("  " + context().environment().display(file));
    }
    console()
        .success(
            "Wrote "
                + generated.files().size()
                + " source file(s) in package "
                + generated.packageName()
                + " under "
                + context().environment().display(generated.directory())
                + " (Hibernate Tools "
                + generated.toolsVersion()
                + ")");
    return 0;
  }
}
