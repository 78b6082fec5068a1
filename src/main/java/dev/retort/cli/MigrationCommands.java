package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.OfflineSqlWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Upgrade and downgrade, online and as offline SQL: the part the two commands share. */
final class MigrationCommands {

  private final CommandContext context;

  MigrationCommands(CommandContext context) {
    this.context = context;
  }

  MigrationPath upgrade(String target) throws SQLException {
    MigrationRunner runner = context.runner();
    Connection connection = context.connect();
    try {
      return runner.upgrade(connection, target);
    } finally {
      CommandContext.closeQuietly(connection);
    }
  }

  MigrationPath downgrade(String target) throws SQLException {
    MigrationRunner runner = context.runner();
    Connection connection = context.connect();
    try {
      return runner.downgrade(connection, target);
    } finally {
      CommandContext.closeQuietly(connection);
    }
  }

  void summarize(MigrationPath path, String verb) {
    Console console = context.console();
    List<String> end = path.endHeads();
    String state = end.isEmpty() ? "base (no revision applied)" : String.join(", ", end);
    if (path.isEmpty()) {
      console.info("Nothing to " + verb + "; the database is at " + state + ".");
    } else {
      console.success(
          "Applied "
              + path.steps().size()
              + " "
              + verb
              + (path.steps().size() == 1 ? "" : "s")
              + "; the database is at "
              + state
              + ".");
    }
  }

  /** {@code upgrade --sql [FROM:]TO}: FROM defaults to base, since there is no database to ask. */
  String offlineUpgrade(String target) {
    String[] range = split(target);
    RevisionNavigator navigator = new RevisionNavigator(context.graph());
    List<String> start = range[0] == null ? List.of() : navigator.stampHeads(range[0]);
    return new OfflineSqlWriter(context.config().versionTable())
        .write(navigator.upgrade(start, range[1]));
  }

  /** {@code downgrade --sql FROM:TO}: both ends are needed without a database. */
  String offlineDowngrade(String target) {
    String[] range = split(target);
    if (range[0] == null) {
      throw RetortException.invalidInput(
          "downgrade --sql needs a range FROM:TO, because there is no database to say where it is",
          "for example: retort downgrade --sql head:base");
    }
    RevisionNavigator navigator = new RevisionNavigator(context.graph());
    return new OfflineSqlWriter(context.config().versionTable())
        .write(navigator.downgrade(navigator.stampHeads(range[0]), range[1]));
  }

  private static String[] split(String target) {
    int colon = target.indexOf(':');
    if (colon < 0) {
      return new String[] {null, target};
    }
    String from = target.substring(0, colon);
    String to = target.substring(colon + 1);
    if (from.isEmpty() || to.isEmpty()) {
      throw RetortException.invalidInput(
          "range '" + target + "' needs both ends", "write FROM:TO, e.g. base:head or 1a2b:3c4d");
    }
    return new String[] {from, to};
  }
}
