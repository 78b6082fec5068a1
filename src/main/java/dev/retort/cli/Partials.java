package dev.retort.cli;

import dev.retort.runtime.VersionTable;

/** How a migration that stopped partway reads. */
final class Partials {

  private Partials() {}

  static String describe(VersionTable.Partial partial) {
    return partial.revision()
        + " (partially applied: "
        + partial.direction()
        + " stopped after "
        + partial.statementsDone()
        + " committed statement"
        + (partial.statementsDone() == 1 ? "" : "s")
        + (partial.error() == null ? "" : "; it failed with: " + partial.error())
        + "; run 'retort "
        + partial.direction()
        + "' again to resume)";
  }
}
