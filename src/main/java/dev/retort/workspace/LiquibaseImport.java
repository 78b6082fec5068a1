package dev.retort.workspace;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.error.RetortException;
import dev.retort.liquibase.Changeset;
import dev.retort.liquibase.LiquibaseChangelog;
import dev.retort.render.MigrationClass;
import dev.retort.revision.MigrationFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code import liquibase CHANGELOG}: a Liquibase changelog becomes Retort migrations, one per
 * changeset, each executing the SQL Liquibase generates for it on PostgreSQL (its rollback as the
 * downgrade), chained in changelog order. A configured database that Liquibase migrated is then
 * stamped at the revision of the last changeset its {@code DATABASECHANGELOG} records, after
 * checking Liquibase's checksums, so the switch needs no downtime and nothing runs twice.
 */
public final class LiquibaseImport {

  /** What the import wrote, and where it stamped the database (null when it did not). */
  public record Imported(
      List<Workspace.Written> written, String stampedAt, List<String> warnings) {}

  /** The rows of {@code DATABASECHANGELOG} that say a changeset's changes are in the database. */
  private static final Set<String> APPLIED = Set.of("EXECUTED", "RERAN", "MARK_RAN");

  private final Workspace workspace;

  LiquibaseImport(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * {@code lb_003_add_email} for the third changeset, id {@code add-email}: the position keeps ids
   * unique and in changelog order (changeset ids repeat across authors and files).
   */
  static String revisionId(int position, int count, Changeset changeset) {
    String number = number(position, count);
    String name = changeset.id().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    String id = "lb_" + number + (name.isEmpty() ? "" : "_" + name);
    return id.length() <= 32 ? id : id.substring(0, 32).replaceAll("_$", "");
  }

  /** The position, zero-padded so that ids and class names sort in changelog order. */
  private static String number(int position, int count) {
    int digits = Math.max(3, String.valueOf(count).length());
    return String.format(Locale.ROOT, "%0" + digits + "d", position);
  }

  static List<String> revisionIds(List<Changeset> changesets) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < changesets.size(); i++) {
      ids.add(revisionId(i + 1, changesets.size(), changesets.get(i)));
    }
    return ids;
  }

  List<MigrationClass> classes(List<Changeset> changesets, String packageName) {
    List<MigrationClass> classes = new ArrayList<>();
    List<String> ids = revisionIds(changesets);
    String parent = null;
    Instant created = Instant.parse("2000-01-01T00:00:00Z");
    for (int i = 0; i < changesets.size(); i++) {
      Changeset changeset = changesets.get(i);
      String id = ids.get(i);
      // Liquibase's description alone is often just the change type ("sql"): the id says more.
      String message = changeset.id() + ": " + changeset.description();
      MigrationClass.Header header =
          new MigrationClass.Header(
              packageName,
              "Lb" + number(i + 1, changesets.size()) + "_" + MigrationFiles.slug(message),
              id,
              parent == null ? List.of() : List.of(parent),
              created.toString(),
              message);
      classes.add(
          MigrationClass.importedStatements(
              header,
              "Imported from Liquibase by {@code retort import liquibase}: changeset {@code "
                  + changeset.identity()
                  + "} (Liquibase checksum "
                  + changeset.checksum()
                  + ").",
              changeset.upgrade(),
              changeset.openQuestions(),
              changeset.downgrade(),
              changeset.whyIrreversible(),
              changeset.transactional()));
      parent = id;
    }
    return classes;
  }

  /** One warning line per changeset for what Liquibase decides at run time and Retort does not. */
  static List<String> notImported(List<Changeset> changesets) {
    List<String> warnings = new ArrayList<>();
    for (Changeset changeset : changesets) {
      if (!changeset.openQuestions().isEmpty()) {
        warnings.add(
            "changeset "
                + changeset.identity()
                + " needs the live database for its SQL: its migration asks for the statements"
                + " (op.decide), and upgrade refuses it until they are written");
      }
      if (!changeset.notImported().isEmpty()) {
        warnings.add(
            "changeset "
                + changeset.identity()
                + ": ignored "
                + String.join(", ", changeset.notImported()));
      }
    }
    return warnings;
  }

  /**
   * The revision to stamp a database at: that of the last changeset, in changelog order, that
   * Liquibase recorded as applied; null when the database has no Liquibase history. A checksum that
   * differs from the changelog's is an error: the database ran another text of the changeset.
   */
  String stampTarget(
      Connection connection, String table, List<Changeset> changesets, List<String> warnings)
      throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NULL")) {
      exists.setString(1, quote(table));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          warnings.add("the database has no Liquibase history (" + table + "): not stamped");
          return null;
        }
      }
    }
    boolean[] applied = new boolean[changesets.size()];
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id, author, filename, md5sum, exectype FROM "
                    + quote(table)
                    + " ORDER BY orderexecuted, dateexecuted");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        String author = rs.getString(2);
        String filename = rs.getString(3);
        String name = id + "::" + author + "::" + filename;
        String execType = rs.getString(5);
        if (execType == null || !APPLIED.contains(execType.toUpperCase(Locale.ROOT))) {
          if ("FAILED".equalsIgnoreCase(execType)) {
            throw RetortException.invalidInput(
                "Liquibase records changeset " + name + " as failed in " + table,
                "finish or undo it with Liquibase first, then import");
          }
          continue;
        }
        int index = find(changesets, id, author, filename);
        if (index < 0) {
          warnings.add("Liquibase applied changeset " + name + ", which is not in the changelog");
          continue;
        }
        Changeset changeset = changesets.get(index);
        String recorded = rs.getString(4);
        if (!changeset.accepts(recorded)) {
          throw RetortException.invalidInput(
              "Liquibase's checksum of changeset "
                  + changeset.identity()
                  + " in "
                  + table
                  + " ("
                  + recorded
                  + ") is not the changelog's ("
                  + changeset.checksum()
                  + "): the database ran another text of it",
              "put the changeset back as it was applied, or, having reviewed the edit, add"
                  + " <validCheckSum>"
                  + recorded
                  + "</validCheckSum> to it; then import again");
        }
        applied[index] = true;
      }
    }
    int last = -1;
    for (int i = 0; i < applied.length; i++) {
      if (applied[i]) {
        last = i;
      }
    }
    List<String> ids = revisionIds(changesets);
    for (int i = 0; i < last; i++) {
      if (!applied[i]) {
        warnings.add(
            "Liquibase did not apply changeset "
                + changesets.get(i).identity()
                + " ("
                + ids.get(i)
                + "), but a later one: the stamp counts it as applied; run its SQL by hand if"
                + " this database needs it");
      }
    }
    return last < 0 ? null : ids.get(last);
  }

  /**
   * The changeset a {@code DATABASECHANGELOG} row names. Its file name is the changelog path as the
   * run that wrote it saw it: {@code classpath:} prefixes, leading slashes and a longer or shorter
   * directory prefix (a search path at {@code src/main/resources} or at the project) still match.
   */
  private static int find(List<Changeset> changesets, String id, String author, String filename) {
    String recorded = normalized(filename);
    for (int i = 0; i < changesets.size(); i++) {
      Changeset changeset = changesets.get(i);
      if (!changeset.id().equals(id) || !changeset.author().equals(author)) {
        continue;
      }
      String own = normalized(changeset.filePath());
      if (own.equals(recorded) || own.endsWith("/" + recorded) || recorded.endsWith("/" + own)) {
        return i;
      }
    }
    return -1;
  }

  private static String normalized(String path) {
    String p = path == null ? "" : path.replace('\\', '/');
    if (p.startsWith("classpath:")) {
      p = p.substring("classpath:".length());
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.replaceAll("/+", "/").replace("/./", "/");
  }

  /**
   * Where includes are looked up: the given directories, else {@code src/main/resources} (where
   * Spring Boot's Liquibase reads from the classpath) and the project directory.
   */
  List<Path> searchPath(List<Path> given) {
    Path base = workspace.config().baseDir();
    if (given != null && !given.isEmpty()) {
      return given.stream().map(p -> p.isAbsolute() ? p : base.resolve(p).normalize()).toList();
    }
    Path resources = base.resolve("src/main/resources");
    return Files.isDirectory(resources) ? List.of(resources, base) : List.of(base);
  }

  Path changelog(Path changelog) {
    return changelog.isAbsolute()
        ? changelog
        : workspace.config().baseDir().resolve(changelog).normalize();
  }

  LiquibaseChangelog.Read read(Path changelog, List<Path> searchPath) {
    return LiquibaseChangelog.read(changelog(changelog), searchPath(searchPath));
  }
}
