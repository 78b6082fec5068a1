package dev.retort.workspace;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.error.RetortException;
import dev.retort.render.MigrationClass;
import dev.retort.revision.FlywayScripts;
import dev.retort.revision.MigrationFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import flyway DIR}: a Flyway history becomes Retort migrations, one per versioned script,
 * each executing the script as it is (its undo script as the downgrade), chained in Flyway's order.
 * A configured database that Flyway migrated is then stamped at the revision of the last script its
 * {@code flyway_schema_history} records as applied, after checking Flyway's checksums, so the
 * switch needs no downtime and nothing runs twice.
 */
public final class FlywayImport {

  /** What the import wrote, and where it stamped the database (null when it did not). */
  public record Imported(
      List<Workspace.Written> written, String stampedAt, List<String> warnings) {}

  private final Workspace workspace;
  private final Reporter reporter;

  FlywayImport(Workspace workspace, Reporter reporter) {
    this.workspace = workspace;
    this.reporter = reporter;
  }

  static String revisionId(String version) {
    String id = "fw_" + version.replace('.', '_');
    return id.length() <= 32 ? id : id.substring(0, 32);
  }

  List<MigrationClass> classes(List<FlywayScripts.Script> scripts, String packageName) {
    List<MigrationClass> classes = new ArrayList<>();
    String parent = null;
    Instant created = Instant.parse("2000-01-01T00:00:00Z");
    for (FlywayScripts.Script script : scripts) {
      String id = revisionId(script.version());
      MigrationClass.Header header =
          new MigrationClass.Header(
              packageName,
              "V"
                  + script.version().replace('.', '_')
                  + "_"
                  + MigrationFiles.slug(script.description()),
              id,
              parent == null ? List.of() : List.of(parent),
              created.toString(),
              script.description());
      boolean concurrent = script.sql().toUpperCase(Locale.ROOT).contains("CONCURRENTLY");
      classes.add(
          MigrationClass.imported(
              header,
              "Imported from Flyway by {@code retort import flyway}: "
                  + script.file().getFileName()
                  + " (Flyway checksum "
                  + script.checksum()
                  + ").",
              script.sql(),
              script.undoSql(),
              !concurrent));
      parent = id;
    }
    return classes;
  }

  /**
   * The revision to stamp a database at: that of the highest version Flyway applied successfully;
   * null when the database has no Flyway history. Checksums that differ from the scripts' are
   * warned about: the database ran another version of the script.
   */
  String stampTarget(
      Connection connection,
      String table,
      List<FlywayScripts.Script> scripts,
      List<String> warnings)
      throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NULL")) {
      exists.setString(1, quote(table));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return null;
        }
      }
    }
    Map<String, FlywayScripts.Script> byVersion = new HashMap<>();
    scripts.forEach(s -> byVersion.put(s.version(), s));
    String highest = null;
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT version, checksum, success FROM "
                    + quote(table)
                    + " WHERE version IS NOT NULL ORDER BY installed_rank");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        String version = rs.getString(1);
        if (!rs.getBoolean(3)) {
          throw RetortException.invalidInput(
              "Flyway records version " + version + " as failed in " + table,
              "repair the database with Flyway first (flyway repair), then import");
        }
        FlywayScripts.Script script = byVersion.get(version);
        if (script == null) {
          if (version.matches("[0-9.]+")) {
            warnings.add(
                "Flyway applied version " + version + ", which has no script in the directory");
          }
          continue;
        }
        int recorded = rs.getInt(2);
        if (!rs.wasNull() && recorded != script.checksum()) {
          warnings.add(
              "Flyway's checksum of version "
                  + version
                  + " ("
                  + recorded
                  + ") is not that of "
                  + script.file().getFileName()
                  + " ("
                  + script.checksum()
                  + "): the database ran another text of it");
        }
        if (highest == null || FlywayScripts.compareVersions(version, highest) > 0) {
          highest = version;
        }
      }
    }
    return highest == null ? null : revisionId(highest);
  }

  Path directory(Path dir) {
    return dir.isAbsolute() ? dir : workspace.config().baseDir().resolve(dir).normalize();
  }
}
