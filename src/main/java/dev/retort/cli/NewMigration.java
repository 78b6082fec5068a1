package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.render.MigrationClass;
import dev.retort.render.MigrationClassWriter;
import dev.retort.revision.RevisionGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a new migration class into the migrations directory, never over an existing file. */
final class NewMigration {

  private NewMigration() {}

  static void checkId(RevisionGraph graph, String id) {
    if (!id.matches("[A-Za-z0-9_]{1,64}")) {
      throw RetortException.invalidInput(
          "revision id '" + id + "' is not usable",
          "use letters, digits and underscores (at most 64)");
    }
    if (graph.contains(id)) {
      throw RetortException.revisionGraph(
          "revision " + id + " already exists", "choose another --rev-id");
    }
  }

  static Path write(CommandContext context, MigrationClass spec) {
    Path directory = context.config().migrationsDir();
    String className = spec.className();
    Path file = directory.resolve(className + ".java");
    for (int n = 2; Files.exists(file); n++) {
      className = spec.className() + "_" + n;
      file = directory.resolve(className + ".java");
    }
    MigrationClass named =
        new MigrationClass(
            spec.packageName(),
            className,
            spec.id(),
            spec.revises(),
            spec.created(),
            spec.message(),
            spec.origin(),
            spec.reviewNotes(),
            spec.transactional(),
            spec.ordinalOrders(),
            spec.upgrade(),
            spec.downgrade());
    try {
      Files.createDirectories(directory);
      Files.writeString(file, new MigrationClassWriter().write(named), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.console().success("Generated " + display(context, file));
    return file;
  }

  static String display(CommandContext context, Path file) {
    Path cwd = context.environment().workingDir();
    return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
  }
}
