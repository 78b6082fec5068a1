package dev.retort.cli;

import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import java.util.List;

/** Prints what a comparison found: Alembic's "Detected ..." lines, flags, and JSON for CI. */
final class PlanReport {

  private PlanReport() {}

  /** The autogenerate summary: "Detected ..." lines, each followed by its flags. */
  static void print(Console console, MigrationPlan plan) {
    for (PlannedChange change : plan.changes()) {
      console.info("Detected " + change.summary());
      change.flags().forEach(flag -> flag(console, flag));
    }
    plan.notes().forEach(note -> flag(console, note));
  }

  /** The check report: always printed (it is the command's result), one change per line. */
  static void printDifferences(Console console, MigrationPlan plan) {
    for (PlannedChange change : plan.changes()) {
      console.result("  " + change.summary());
      for (ReviewFlag flag : change.flags()) {
        console.result("    REVIEW(" + flag.kind().label() + ") " + flag.message());
        flag.alternative()
            .forEach(line -> console.result("      " + line.replaceFirst("^//\\s*", "")));
      }
    }
    for (ReviewFlag note : plan.notes()) {
      console.result("  REVIEW(" + note.kind().label() + ") " + note.message());
    }
  }

  private static void flag(Console console, ReviewFlag flag) {
    console.flag(flag.kind().label(), flag.message());
    flag.alternative().forEach(line -> console.info("      " + line.replaceFirst("^//\\s*", "")));
  }

  /** {@code {"inSync": false, "differences": [...], "notes": [...]}}, deterministic key order. */
  static String json(MigrationPlan plan) {
    StringBuilder out =
        new StringBuilder("{\n  \"inSync\": ")
            .append(plan.isEmpty())
            .append(",\n  \"differences\": [");
    List<PlannedChange> changes = plan.changes();
    for (int i = 0; i < changes.size(); i++) {
      PlannedChange change = changes.get(i);
      out.append(i == 0 ? "\n" : ",\n")
          .append("    {\"summary\": ")
          .append(string(change.summary()))
          .append(", \"operation\": ")
          .append(string(change.operation().getClass().getSimpleName()))
          .append(", \"flags\": ")
          .append(flags(change.flags()))
          .append('}');
    }
    out.append(changes.isEmpty() ? "" : "\n  ")
        .append("],\n  \"notes\": ")
        .append(flags(plan.notes()))
        .append("\n}");
    return out.toString();
  }

  private static String flags(List<ReviewFlag> flags) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < flags.size(); i++) {
      out.append(i == 0 ? "" : ", ")
          .append("{\"kind\": ")
          .append(string(flags.get(i).kind().label()))
          .append(", \"message\": ")
          .append(string(flags.get(i).message()))
          .append('}');
    }
    return out.append(']').toString();
  }

  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
