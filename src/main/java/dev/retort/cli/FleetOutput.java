package dev.retort.cli;

import dev.retort.render.Json;
import dev.retort.workspace.FleetReport;
import dev.retort.workspace.TenantResult;
import dev.retort.workspace.TenantResult.Status;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A fleet command's result: a line per tenant that did something or failed, then the summary. */
final class FleetOutput {

  private FleetOutput() {}

  /**
   * Runs a fleet command and prints its report; returns the exit code it stands for. With {@code
   * --report json} the JSON is alone on standard output, the lines for people on standard error.
   */
  static int run(Console console, TenantOptions tenants, Supplier<FleetReport> command) {
    boolean json = tenants.json();
    if (json) {
      console.documentOnStandardOutput();
    }
    return print(console, command.get(), json);
  }

  private static int print(Console console, FleetReport report, boolean json) {
    if (json) {
      console.result(json(report));
    } else {
      for (TenantResult result : report.results()) {
        if (result.status() == Status.FAILED) {
          console.error(result.tenant() + ": " + result.error());
        } else if (result.status() == Status.DONE
            || result.status() == Status.BEHIND
            || result.status() == Status.DRIFTED
            || report.action().equals("current")) {
          // Tenants with nothing to say stay out of long logs, except where each one's place is
          // the answer (current).
          console.result(line(report.action(), result));
        }
      }
    }
    if (report.exitCode().code() == 0) {
      if (!json) {
        // The JSON alone on standard output, for scripts; it holds the counts.
        console.success(report.summary());
      }
    } else {
      console.error(report.summary());
    }
    return report.exitCode().code();
  }

  private static String line(String action, TenantResult result) {
    String from = heads(result.from());
    String to = heads(result.to());
    if (result.status() == Status.DRIFTED) {
      return result.tenant()
          + ": drifted from "
          + (action.equals("check") ? "the entities" : "what the migrations build")
          + " at "
          + from
          + " ("
          + result.differenceCount()
          + " difference(s)): "
          + String.join("; ", result.differences())
          + (result.differenceCount() > result.differences().size()
              ? "; and " + (result.differenceCount() - result.differences().size()) + " more"
              : "");
    }
    if (action.equals("check") && result.status() == Status.BEHIND) {
      return result.tenant()
          + ": behind by "
          + result.migrations()
          + " migration(s) (at "
          + from
          + ", the heads are "
          + to
          + ")";
    }
    return switch (action) {
      case "current", "check" ->
          result.tenant()
              + ": "
              + from
              + (result.status() == Status.BEHIND ? " (behind " + to + ")" : " (head)");
      case "pending" ->
          result.tenant()
              + ": "
              + result.migrations()
              + " migration(s) pending, "
              + from
              + " -> "
              + to;
      default ->
          result.tenant()
              + ": "
              + from
              + " -> "
              + to
              + " ("
              + result.migrations()
              + " migration(s), "
              + result.millis()
              + " ms)";
    };
  }

  private static String heads(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(",", heads);
  }

  /** One record per tenant, and the summary counts. */
  static String json(FleetReport report) {
    String tenants =
        report.results().stream()
            .map(
                r ->
                    "    {\"tenant\": "
                        + Json.string(r.tenant())
                        + ", \"status\": "
                        + Json.string(r.status().word())
                        + ", \"from\": "
                        + list(r.from())
                        + ", \"to\": "
                        + list(r.to())
                        + ", \"migrations\": "
                        + r.migrations()
                        + ", \"duration_ms\": "
                        + r.millis()
                        + ", \"error\": "
                        + (r.error() == null ? "null" : Json.string(r.error()))
                        + (r.status() == Status.DRIFTED
                            ? ", \"differences\": "
                                + list(r.differences())
                                + ", \"difference_count\": "
                                + r.differenceCount()
                            : "")
                        + "}")
            .collect(Collectors.joining(",\n"));
    return "{\n  \"action\": "
        + Json.string(report.action())
        + ",\n  \"target\": "
        + Json.string(report.target())
        + ",\n  \"exit_code\": "
        + report.exitCode().code()
        + ",\n  \"stopped\": "
        + (report.stopped() == null ? "null" : Json.string(report.stopped()))
        + ",\n  \"duration_ms\": "
        + report.millis()
        + ",\n  \"peak_connections\": "
        + report.peakConnections()
        + ",\n  \"tenants\": [\n"
        + tenants
        + "\n  ]\n}";
  }

  private static String list(List<String> values) {
    return values.stream().map(Json::string).collect(Collectors.joining(", ", "[", "]"));
  }
}
