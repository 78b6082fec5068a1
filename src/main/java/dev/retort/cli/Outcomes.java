package dev.retort.cli;

import dev.retort.revision.MigrationPath;

/** How a run's outcome reads: "Applied 3 upgrades; the database is at 3f2a9c1e7b44." */
final class Outcomes {

  private Outcomes() {}

  static void summarize(Console console, MigrationPath path, String verb) {
    if (path.isEmpty()) {
      console.info(path.outcome(verb));
    } else {
      console.success(path.outcome(verb));
    }
  }
}
