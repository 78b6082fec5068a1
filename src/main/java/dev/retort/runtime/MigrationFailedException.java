package dev.retort.runtime;

import dev.retort.connect.Connections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.MigrationScript;

/** A migration failed; its transaction was rolled back (exit 5). */
public final class MigrationFailedException extends RetortException {

  private static final long serialVersionUID = 1L;

  MigrationFailedException(String message, String hint, Throwable cause) {
    super(ExitCode.MIGRATION_FAILED, message, hint, cause);
  }

  static MigrationFailedException of(
      MigrationScript script,
      String direction,
      String statement,
      Throwable cause,
      boolean transactional) {
    String what =
        direction
            + " of "
            + script.id()
            + " ("
            + script.source()
            + ") failed"
            + (statement == null ? "" : " at: " + abbreviate(statement))
            + ": "
            + Connections.firstLine(cause);
    String outcome =
        transactional
            ? "it was rolled back and the database is unchanged"
            : "this migration is not transactional, so the statements before the failing one stay"
                + " applied";
    return new MigrationFailedException(
        what + "; " + outcome, "fix the migration and run the command again", cause);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
  }
}
