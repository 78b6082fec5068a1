package dev.retort.cli;

import dev.retort.revision.MigrationPath;
import java.util.List;

/** How a run's outcome reads: "Applied 3 upgrades; the database is at 3f2a9c1e7b44." */
final class Outcomes {

  private Outcomes() {}

  static void summarize(Console console, MigrationPath path, String verb) {
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
}
