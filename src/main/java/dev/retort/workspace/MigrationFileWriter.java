package dev.retort.workspace;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.render.MigrationClass;
import dev.retort.render.MigrationClassWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a new migration class into the migrations directory: never over an existing file, and
 * never a partial one (the source goes to a temporary file first, then is moved into place).
 */
final class MigrationFileWriter {

  private final Path directory;

  MigrationFileWriter(Path directory) {
    this.directory = directory;
  }

  /** The file written; its class name gets a suffix when the name is taken. */
  Path write(MigrationClass migration) {
    String base = migration.header().className();
    MigrationClass named = migration;
    Path file = directory.resolve(base + ".java");
    for (int n = 2; Files.exists(file); n++) {
      named = migration.withClassName(base + "_" + n);
      file = directory.resolve(named.header().className() + ".java");
    }
    String source = new MigrationClassWriter().write(named);
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, ".retort-", ".tmp");
      Files.writeString(temporary, source, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file);
      }
      return file;
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot write the migration to " + directory + ": " + reason(e),
          "check that the directory is writable and the disk has space (migrations.dir)",
          e);
    }
  }

  /** Takes back a file this writer wrote (a squash that failed its proof). */
  static void delete(Path file) {
    deleteQuietly(file);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // Nothing more to do; the temporary file's name marks it as Retort's.
      }
    }
  }
}
