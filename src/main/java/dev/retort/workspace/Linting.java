package dev.retort.workspace;

import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.lint.LintReport;
import dev.retort.lint.LintSettings;
import dev.retort.lint.LintTarget;
import dev.retort.lint.Linter;
import dev.retort.revision.MigrationScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code lint}: which migrations to lint, for which server, and the report. Kept apart from {@link
 * Workspace}, whose public use cases it builds on.
 */
public final class Linting {

  /**
   * @param scope which migrations were linted, in words ("2 pending migrations")
   */
  public record Result(LintReport report, List<MigrationScript> linted, String scope) {}

  private final Workspace workspace;

  public Linting(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * @param range {@code FROM:TO} (either end optional), or null
   * @param all every migration, even with a database configured
   */
  public Result lint(String range, boolean all) {
    RetortConfig config = workspace.config();
    List<MigrationScript> scripts;
    String scope;
    if (range != null) {
      scripts = Ranges.select(workspace.graph(), range);
      scope = "migrations in " + range;
    } else if (all || config.database() == null) {
      scripts = workspace.graph().inOrder();
      scope = "all migrations";
    } else {
      scripts = pending();
      scope = "migrations not yet applied to " + config.database().display();
    }
    return new Result(lint(scripts), scripts, scope);
  }

  /**
   * What {@code check} lints before comparing: the migrations not yet applied to the configured
   * database. Without a database every migration is applied to the embedded server, so none is
   * pending and nothing is linted. Its findings inform; {@code lint} is what gates on them.
   */
  public Result notYetApplied() {
    RetortConfig config = workspace.config();
    if (config.database() == null) {
      return new Result(lint(List.of()), List.of(), "no database configured");
    }
    if (workspace.comparesWithTemplate()) {
      // check compares with the template tenant, which it requires at the heads: nothing of the
      // configured schemas (often an unversioned public) is pending for it.
      return new Result(lint(List.of()), List.of(), "the template tenant is compared");
    }
    List<MigrationScript> scripts = pending();
    return new Result(
        lint(scripts), scripts, "migrations not yet applied to " + config.database().display());
  }

  /** The migrations {@code upgrade heads} would apply to the configured database. */
  public List<MigrationScript> pending() {
    return workspace.pending("heads").steps();
  }

  /** Lints the given migrations for the configured (or the server's) PostgreSQL version. */
  public LintReport lint(List<MigrationScript> scripts) {
    // With migration.lock_timeout set (the default), the runner sets lock_timeout for every
    // statement, so rule RT016 has nothing to ask of the migrations.
    boolean runnerSetsLockTimeout = !workspace.config().safety().lockTimeout().isZero();
    if (scripts.isEmpty()) {
      return new LintReport(List.of(), new LintSettings(targetMajor(false), runnerSetsLockTimeout));
    }
    LintSettings settings = new LintSettings(targetMajor(true), runnerSetsLockTimeout);
    List<LintTarget> targets =
        scripts.stream()
            .map(s -> new LintTarget(s.id(), s.source(), s::newMigration, sourceText(s)))
            .toList();
    return new Linter(settings).lint(targets);
  }

  /**
   * {@code lint.target-version}, else the configured server's major version, else the embedded
   * server's (started only when there is something to lint: {@code needed}).
   */
  private int targetMajor(boolean needed) {
    RetortConfig config = workspace.config();
    if (config.lintTargetVersion() != null) {
      return config.lintTargetVersion();
    }
    if (!needed) {
      return 0;
    }
    try {
      if (config.database() != null) {
        try (Connection connection = Connections.open(config.database())) {
          return connection.getMetaData().getDatabaseMajorVersion();
        }
      }
      try (ScratchServer server = workspace.stages().startScratchServer(config.shadowImage());
          Connection connection = Connections.open(server.url("postgres"))) {
        return connection.getMetaData().getDatabaseMajorVersion();
      }
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot read the server's version for lint: " + Connections.firstLine(e),
          "set lint.target-version to the PostgreSQL major version the migrations will run on",
          e);
    }
  }

  /** The migration's source text, for its suppression comments; null when it has no file. */
  private static String sourceText(MigrationScript script) {
    Path file = Path.of(script.source());
    if (!script.source().endsWith(".java") || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
