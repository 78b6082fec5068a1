package dev.retort.runtime;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;

/** A migration failed (exit 5); the message says what of it and of the run stayed applied. */
public final class MigrationFailedException extends RetortException {

  private static final long serialVersionUID = 1L;

  MigrationFailedException(String message, String hint, Throwable cause) {
    super(ExitCode.MIGRATION_FAILED, message, hint, cause);
  }

  /**
   * @param where which migration and step ("upgrade of 1a2b (M1.java), step 3 of 5")
   * @param state what stayed applied, and where the database is
   */
  static MigrationFailedException of(
      String where,
      String statement,
      Throwable cause,
      String state,
      boolean transactional,
      int committedStatements) {
    String what =
        where
            + " failed"
            + (statement == null ? "" : " at: " + abbreviate(statement))
            + ": "
            + firstLine(cause);
    String hint =
        transactional || committedStatements == 0
            ? "fix the migration and run the command again; it continues from this step"
            : "fix the cause and run the command again: it resumes after statement "
                + committedStatements
                + " (the committed statements are skipped while unchanged)";
    return new MigrationFailedException(what + "; " + state, hint, cause);
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
  }
}
