package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.workspace.FleetOptions;
import picocli.CommandLine.Option;

/** The options of a command run over the configured fleet of tenants. */
final class TenantOptions {

  /** Set with no value ("all tenants") when {@code --tenants} is given alone. */
  private static final String ALL = "";

  @Option(
      names = "--tenants",
      arity = "0..1",
      fallbackValue = ALL,
      paramLabel = "FILTER",
      description = {
        "Run on every tenant of the fleet (tenants.schemas, tenants.query or tenants.file),",
        "or on those FILTER names: comma-separated names or patterns (tenant_0*)."
      })
  String filter;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "With --tenants: tenants at once (default: the number of cores).")
  Integer parallel;

  @Option(
      names = "--per-server",
      paramLabel = "N",
      description =
          "With --tenants: most connections open to one server (default: "
              + FleetOptions.PER_SERVER
              + ").")
  Integer perServer;

  @Option(
      names = "--canary",
      paramLabel = "K",
      description = "With --tenants: the first K tenants first; stop if any of them fails.")
  int canary;

  @Option(
      names = "--continue-on-error",
      description =
          "With --tenants: go on past failed tenants (exit 8) instead of stopping (exit 9).")
  boolean continueOnError;

  @Option(
      names = "--report",
      paramLabel = "FORMAT",
      description = "With --tenants: json prints one record per tenant on standard output.")
  String report;

  boolean active() {
    return filter != null;
  }

  FleetOptions options() {
    FleetOptions defaults = FleetOptions.defaults(filter.isEmpty() ? null : filter);
    return new FleetOptions(
        defaults.filter(),
        parallel == null ? defaults.parallel() : parallel,
        perServer == null ? defaults.perServer() : perServer,
        canary,
        continueOnError);
  }

  /** An option that has no meaning over a fleet is refused, not ignored. */
  void refuseWith(boolean given, String option) {
    refuseWith(
        given,
        option,
        "run " + option + " without --tenants: the SQL is the same for every tenant");
  }

  void refuseWith(boolean given, String option, String hint) {
    if (given) {
      throw RetortException.invalidInput(option + " does not go with --tenants", hint);
    }
  }

  boolean json() {
    if (report == null) {
      return false;
    }
    if (!report.equals("json")) {
      throw RetortException.invalidInput(
          "--report " + report + " is not a report format", "write --report json");
    }
    return true;
  }
}
