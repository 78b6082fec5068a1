package dev.retort.cli;

import dev.retort.measure.LockBudget;
import dev.retort.measure.LockRecorder;
import dev.retort.measure.TableSeeder;
import dev.retort.render.Json;
import dev.retort.workspace.LockCheck;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints what {@code check --locks} measured: a line per statement, its locks, its verdict. */
final class LockReport {

  private LockReport() {}

  static void print(Console console, LockCheck.Report report, long rows) {
    console.result(
        String.format(
            Locale.ROOT,
            "Locks measured on an embedded PostgreSQL %d, from %s, tables filled with %,d rows:",
            report.serverMajor(),
            report.startHeads().isEmpty() ? "base" : String.join(", ", report.startHeads()),
            rows));
    for (TableSeeder.Seeded seeded : report.seeded()) {
      if (seeded.failure() != null) {
        console.warning("could not fill " + seeded.table() + ": " + seeded.failure());
      }
    }
    for (LockRecorder.Measured statement : report.statements()) {
      List<String> violations = report.violations(statement);
      console.result(
          "  "
              + (violations.isEmpty() ? "ok    " : "OVER  ")
              + statement.revision()
              + "  "
              + statement.heldMillis()
              + " ms  "
              + locks(statement)
              + "  "
              + oneLine(statement.statement()));
      violations.forEach(v -> console.result("        " + v));
    }
    if (report.statements().isEmpty()) {
      console.success("No pending migration to measure.");
    } else if (report.overBudget() == 0) {
      console.success(
          report.statements().size()
              + " statement(s): none held a lock that stops writers for longer than "
              + report.budget().budget().toMillis()
              + " ms, none rewrote a table.");
    } else {
      console.result(
          report.overBudget()
              + " of "
              + report.statements().size()
              + " statement(s) over the budget of "
              + report.budget().budget().toMillis()
              + " ms; see 'Safe migrations' in the README for the online forms");
    }
  }

  static String json(LockCheck.Report report) {
    return report.statements().stream()
        .map(
            s ->
                "    {\"revision\": "
                    + Json.string(s.revision())
                    + ", \"statement\": "
                    + Json.string(s.statement())
                    + ", \"statementMillis\": "
                    + s.statementMillis()
                    + ", \"heldMillis\": "
                    + s.heldMillis()
                    + ", \"locks\": ["
                    + s.locks().stream()
                        .map(
                            l ->
                                "{\"table\": "
                                    + Json.string(l.table())
                                    + ", \"mode\": "
                                    + Json.string(l.mode())
                                    + ", \"blocksWrites\": "
                                    + LockBudget.blocksWrites(l.mode())
                                    + "}")
                        .collect(Collectors.joining(", "))
                    + "], \"rewritten\": ["
                    + s.rewritten().stream().map(Json::string).collect(Collectors.joining(", "))
                    + "], \"violations\": ["
                    + report.violations(s).stream()
                        .map(Json::string)
                        .collect(Collectors.joining(", "))
                    + "]}")
        .collect(
            Collectors.joining(
                ",\n",
                "{\n  \"budgetMillis\": "
                    + report.budget().budget().toMillis()
                    + ",\n  \"overBudget\": "
                    + report.overBudget()
                    + ",\n  \"statements\": [\n",
                "\n  ]\n}"));
  }

  private static String locks(LockRecorder.Measured statement) {
    if (statement.locks().isEmpty()) {
      return "no lock on a table with rows";
    }
    return statement.locks().stream()
        .map(l -> l.mode() + " on " + l.table())
        .collect(Collectors.joining(", "));
  }

  private static String oneLine(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= 100 ? line : line.substring(0, 97) + "...";
  }
}
