package dev.retort.cli;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.render.ReviewText;

/** Prints what a comparison found: Alembic's "Detected ..." lines, flags, and JSON for CI. */
final class PlanReport {

  private PlanReport() {}

  /** The autogenerate summary: "Detected ..." lines, each followed by its flags. */
  static void print(Console console, MigrationPlan plan) {
    for (PlannedChange change : plan.changes()) {
      console.info("Detected " + change.summary());
      if (change.lock() != null) {
        console.info("    " + ReviewText.lockLine(change.lock()));
      }
      change.flags().forEach(flag -> flag(console, flag));
    }
    plan.notes().forEach(note -> flag(console, note));
  }

  /** The check report: always printed (it is the command's result), one change per line. */
  static void printDifferences(Console console, MigrationPlan plan) {
    ReviewText.differenceLines(plan).forEach(console::result);
  }

  private static void flag(Console console, ReviewFlag flag) {
    console.flag(flag.kind().label(), flag.message());
    ReviewText.alternativeLines(flag)
        .forEach(line -> console.info("      " + line.replaceFirst("^//\\s*", "")));
  }

  static String json(MigrationPlan plan) {
    return ReviewText.json(plan);
  }
}
