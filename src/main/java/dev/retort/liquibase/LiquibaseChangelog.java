package dev.retort.liquibase;

import dev.retort.error.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * A Liquibase changelog (XML, YAML, JSON or formatted SQL, with its includes) read by Liquibase
 * itself, offline, for PostgreSQL: its changesets in the order Liquibase runs them, each rendered
 * to the SQL Liquibase's update and rollback would execute. The only place Retort uses Liquibase.
 */
public final class LiquibaseChangelog {

  /** The changesets to import, and what was left out of the changelog (one line each). */
  public record Read(
      Path changelog, String changelogPath, List<Changeset> changesets, List<String> warnings) {}

  private LiquibaseChangelog() {}

  /**
   * Reads {@code changelog}, resolving includes against {@code searchPath} as Liquibase's {@code
   * searchPath} setting does. The changelog's own path, as Liquibase records it in {@code
   * DATABASECHANGELOG.FILENAME}, is relative to the deepest search-path directory that holds it.
   */
  public static Read read(Path changelog, List<Path> searchPath) {
    Path file = changelog.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw RetortException.invalidInput(
          "the Liquibase changelog " + changelog + " does not exist",
          "give the master changelog file (db/changelog/db.changelog-master.yaml under"
              + " src/main/resources in a Spring Boot project)");
    }
    List<Path> roots = roots(file, searchPath);
    Path root =
        roots.stream()
            .filter(file::startsWith)
            .max(Comparator.comparingInt(Path::getNameCount))
            .orElseThrow();
    String path = root.relativize(file).toString().replace('\\', '/');
    try {
      Map<String, Object> scope = new LinkedHashMap<>();
      scope.put(Scope.Attr.resourceAccessor.name(), accessor(roots));
      // Liquibase's console messages would land on Retort's standard output.
      scope.put(Scope.Attr.ui.name(), new LoggerUIService());
      return Scope.child(scope, () -> parse(file, path));
    } catch (RetortException e) {
      throw e;
    } catch (Exception e) {
      throw RetortException.invalidInput(
          "Liquibase cannot read the changelog " + changelog + ": " + oneLine(e),
          "fix the changelog (liquibase validate shows the same), or give the directories its"
              + " includes are relative to with --search-path");
    }
  }

  private static Read parse(Path file, String path) throws Exception {
    ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(
                new OfflineConnection("offline:postgresql", accessor));
    DatabaseChangeLog changelog =
        ChangeLogParserFactory.getInstance()
            .getParser(path, accessor)
            .parse(path, new ChangeLogParameters(database), accessor);
    List<String> warnings = new ArrayList<>();
    if (hasPreconditions(changelog.getPreconditions())) {
      warnings.add("the changelog's preconditions are not imported: Retort runs every changeset");
    }
    // The parser already left out what Liquibase does not run on PostgreSQL (dbms="...").
    for (ChangeSet skipped : changelog.getSkippedChangeSets()) {
      warnings.add(
          "changeset "
              + name(skipped)
              + (skipped.getDbmsSet() == null || skipped.getDbmsSet().isEmpty()
                  ? " is skipped by Liquibase on PostgreSQL"
                  : " is for dbms " + String.join(",", skipped.getDbmsSet()) + ", not PostgreSQL")
              + ": not imported");
    }
    ChangesetRenderer renderer = new ChangesetRenderer(database);
    List<Changeset> changesets = new ArrayList<>();
    for (ChangeSet changeSet : changelog.getChangeSets()) {
      if (changeSet.isIgnore() || changeSet.isInheritableIgnore()) {
        warnings.add("changeset " + name(changeSet) + " is ignore=\"true\": not imported");
        continue;
      }
      try {
        changesets.add(renderer.render(changeSet));
      } catch (Exception e) {
        throw RetortException.invalidInput(
            "Liquibase cannot produce the SQL of changeset " + name(changeSet) + ": " + oneLine(e),
            "Retort imports what 'liquibase update-sql' prints for PostgreSQL; change the"
                + " changeset to a form Liquibase can write as SQL (a <sql> change, for instance)");
      }
    }
    return new Read(file, path, List.copyOf(changesets), List.copyOf(warnings));
  }

  /**
   * Whether a precondition container holds a real check: Liquibase nests empty containers (one for
   * each include), which decide nothing.
   */
  static boolean hasPreconditions(Precondition precondition) {
    if (precondition == null) {
      return false;
    }
    if (precondition instanceof PreconditionLogic) {
      return ((PreconditionLogic) precondition)
          .getNestedPreconditions().stream().anyMatch(LiquibaseChangelog::hasPreconditions);
    }
    return true;
  }

  /** {@code id::author::file}, as the import names a changeset. */
  static String name(ChangeSet changeSet) {
    return changeSet.getId() + "::" + changeSet.getAuthor() + "::" + changeSet.getStoredFilePath();
  }

  /** The search path, with the changelog's own directory last when no entry holds it. */
  private static List<Path> roots(Path file, List<Path> searchPath) {
    List<Path> roots = new ArrayList<>();
    for (Path entry : searchPath) {
      Path root = entry.toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw RetortException.invalidInput(
            "the search path entry " + entry + " is not a directory",
            "give the directories the changelog's includes are relative to");
      }
      roots.add(root);
    }
    if (roots.stream().noneMatch(file::startsWith)) {
      roots.add(file.getParent());
    }
    return roots;
  }

  private static ResourceAccessor accessor(List<Path> roots) throws Exception {
    List<ResourceAccessor> accessors = new ArrayList<>();
    for (Path root : roots) {
      accessors.add(new DirectoryResourceAccessor(root));
    }
    return new CompositeResourceAccessor(accessors);
  }

  /** A Liquibase message on one line: its messages span several, with a list of locations. */
  static String oneLine(Throwable e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    // Wrapped exceptions repeat their causes' class names in front of the message.
    message =
        message
            .strip()
            .replaceAll("\\s+", " ")
            .replaceAll("^((?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): )+", "");
    return message.length() <= 300 ? message : message.substring(0, 297) + "...";
  }
}
