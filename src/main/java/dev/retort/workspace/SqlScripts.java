package dev.retort.workspace;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.OfflineSqlWriter;
import java.util.List;

/**
 * The SQL a run would execute, as a script for review or for a DBA to run: {@code upgrade --sql},
 * {@code downgrade --sql}, {@code show --sql}. A range end {@code current} is the configured
 * database's revision; with a database at hand and no start, the script starts where it is.
 */
public final class SqlScripts {

  private final Workspace workspace;
  private final Reporter reporter;

  SqlScripts(Workspace workspace, Reporter reporter) {
    this.workspace = workspace;
    this.reporter = reporter;
  }

  /** {@code upgrade --sql [FROM:]TO}. */
  public String upgradeSql(String target) {
    String[] range = Ranges.split(withCurrent(target));
    RevisionNavigator navigator = new RevisionNavigator(workspace.graph());
    List<String> start;
    if (range[0] != null) {
      start = navigator.stampHeads(range[0]);
    } else if (workspace.hasDatabase()) {
      // With a database at hand the script starts where it is, as upgrade itself would.
      start = databaseHeadsOrBase();
    } else {
      start = List.of();
    }
    return new OfflineSqlWriter(workspace.config().versionTable())
        .write(navigator.upgrade(start, range[1]));
  }

  /** The configured database's heads, or base (said) when it cannot be reached. */
  private List<String> databaseHeadsOrBase() {
    try {
      List<String> heads = workspace.current().heads();
      reporter.notice(
          "-- starting from the database's current revision: "
              + (heads.isEmpty() ? "base" : String.join(", ", heads))
              + " ("
              + workspace.describeDatabase()
              + ")");
      return heads;
    } catch (RetortException e) {
      if (e.exitCode() != ExitCode.DATABASE_UNAVAILABLE) {
        throw e;
      }
      reporter.warning(
          "the database cannot be reached, so the script starts from base; give a range"
              + " (FROM:TO) to start elsewhere");
      return List.of();
    }
  }

  /** A range with its {@code current} end replaced by the database's revision. */
  String withCurrent(String range) {
    if (range == null || !range.matches("(^current:.*)|(.*:current$)")) {
      return range;
    }
    List<String> heads = workspace.current().heads();
    if (heads.size() > 1) {
      throw RetortException.revisionGraph(
          "the database is at several heads (" + String.join(", ", heads) + ")",
          "name one of them instead of current");
    }
    String at = heads.isEmpty() ? "base" : heads.get(0);
    return range.replaceFirst("^current:", at + ":").replaceFirst(":current$", ":" + at);
  }

  /** {@code downgrade --sql FROM:TO}. */
  public String downgradeSql(String target) {
    String[] range = Ranges.split(withCurrent(target));
    if (range[0] == null) {
      throw RetortException.invalidInput(
          "downgrade --sql needs a range FROM:TO, because there is no database to say where it is",
          "for example: retort downgrade --sql head:base");
    }
    RevisionNavigator navigator = new RevisionNavigator(workspace.graph());
    return new OfflineSqlWriter(workspace.config().versionTable())
        .write(navigator.downgrade(navigator.stampHeads(range[0]), range[1]));
  }

  /** The SQL of one revision's upgrade, as {@code upgrade --sql} would print it. */
  public String upgradeSqlOf(MigrationScript script) {
    MigrationPath single =
        new MigrationPath(workspace.graph(), Direction.UPGRADE, script.parents(), List.of(script));
    return new OfflineSqlWriter(workspace.config().versionTable()).write(single);
  }
}
