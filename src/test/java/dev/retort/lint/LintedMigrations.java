package dev.retort.lint;

import dev.retort.compiler.Javac;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.SourceMigrations;
import dev.retort.testing.MigrationSourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration sources written for a test, compiled together the way Retort compiles a migrations
 * directory (one javac run, so a hundred small migrations cost one compile), then linted one by
 * one.
 */
final class LintedMigrations {

  private final MigrationSourceFiles files;
  private final List<String> classNames = new ArrayList<>();
  private Map<String, MigrationScript> scripts;

  LintedMigrations(Path directory) {
    this.files = new MigrationSourceFiles(directory, "lintcases");
  }

  /** Adds a migration; its class name is also its revision id. */
  String add(String className, String upgrade, String members) {
    files.writeWithMembers(className, className, upgrade, "", members);
    classNames.add(className);
    return className;
  }

  List<Finding> lint(String className, LintSettings settings) {
    if (scripts == null) {
      scripts = new HashMap<>();
      for (MigrationScript script :
          new SourceMigrations(files.directory(), List.of(), new Javac()).load()) {
        scripts.put(script.id(), script);
      }
    }
    MigrationScript script = scripts.get(className);
    return new Linter(settings)
        .lint(
            new LintTarget(script.id(), script.source(), script::newMigration, source(className)));
  }

  String source(String className) {
    try {
      return Files.readString(files.directory().resolve(className + ".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based line where {@code text} first appears in the class's source. */
  int lineOf(String className, String text) {
    List<String> lines = source(className).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + className);
  }
}
