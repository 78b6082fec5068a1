package dev.retort.runtime;

import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;

/** What the runner reports as it goes; the command line prints it, the facade logs it. */
public interface RunListener {

  RunListener SILENT = new RunListener() {};

  /** The steps about to run, before the first starts (for progress counts). */
  default void pathPlanned(MigrationPath path) {}

  default void migrationStarted(MigrationScript script, Direction direction) {}

  default void migrationFinished(MigrationScript script, Direction direction, long millis) {}

  /** A statement about to run (shown with {@code -v}). */
  default void statement(String sql) {}

  default void warning(String message) {}
}
