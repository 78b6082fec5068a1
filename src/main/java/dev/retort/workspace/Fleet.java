package dev.retort.workspace;

import dev.retort.config.RetortConfig;
import dev.retort.connect.UrlConnections;
import dev.retort.error.ExitCode;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.workspace.TenantResult.Status;
import java.util.List;
import java.util.Map;

/**
 * {@code upgrade|downgrade|current|pending|check --tenants}: one command over a fleet of tenants
 * (schemas of one database, or databases), each with its own version table and its own migration
 * lock, so two fleet runs started together never apply a migration twice. Every tenant's turn is a
 * runner like the single-database commands', on a connection the fleet reuses.
 */
public final class Fleet {

  private final RetortConfig config;
  private final Map<String, String> environment;
  private final RevisionGraph graph;
  private final Reporter reporter;

  Fleet(
      RetortConfig config,
      Map<String, String> environment,
      RevisionGraph graph,
      Reporter reporter) {
    this.config = config;
    this.environment = Map.copyOf(environment);
    this.graph = graph;
    this.reporter = reporter;
  }

  /** The tenants a filter names, in the fleet's order. */
  public List<Tenant> tenants(String filter) {
    return new TenantDirectory(config).list(filter);
  }

  public FleetReport upgrade(String target, FleetOptions options, boolean confirmProduction) {
    ProductionGuard.check(config, confirmProduction, environment, "upgrade the tenants of");
    return write("upgrade", target, options, true);
  }

  public FleetReport downgrade(String target, FleetOptions options, boolean confirmProduction) {
    ProductionGuard.check(config, confirmProduction, environment, "downgrade the tenants of");
    return write("downgrade", target, options, false);
  }

  private FleetReport write(String action, String target, FleetOptions options, boolean up) {
    List<Tenant> tenants = tenants(options.filter());
    reporter.notice(
        (up ? "Upgrading " : "Downgrading ")
            + tenants.size()
            + " tenant(s) to "
            + target
            + ", "
            + options.parallel()
            + " at a time"
            + (options.canary() > 0 ? ", the first " + options.canary() + " as canaries" : ""));
    return new FleetRun(
            options,
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant);
              MigrationPath path =
                  up ? runner.upgrade(connection, target) : runner.downgrade(connection, target);
              return result(tenant, path, start, path.isEmpty() ? Status.AT_TARGET : Status.DONE);
            })
        .run(action, target, tenants);
  }

  /** Where each tenant is: at the heads, or behind them. */
  public FleetReport current(FleetOptions options) {
    return read("current", "heads", options);
  }

  /** What {@code upgrade target} would apply to each tenant. */
  public FleetReport pending(String target, FleetOptions options) {
    return read("pending", target, options);
  }

  /**
   * {@code check --tenants}: every tenant at the heads, with no applied migration edited since; the
   * ones that are not are named. Each tenant's catalog is not compared with the entities here.
   */
  public FleetReport check(FleetOptions options) {
    List<Tenant> tenants = tenants(options.filter());
    return new FleetRun(
            options.forReading(),
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant);
              runner.prepare(connection);
              runner.verifyChecksums(connection);
              MigrationPath path = runner.pending(connection, "heads");
              return result(tenant, path, start, path.isEmpty() ? Status.AT_TARGET : Status.BEHIND);
            })
        .run("check", "heads", tenants);
  }

  private FleetReport read(String action, String target, FleetOptions options) {
    List<Tenant> tenants = tenants(options.filter());
    return new FleetRun(
            options.forReading(),
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant);
              runner.prepare(connection);
              MigrationPath path = runner.pending(connection, target);
              return result(tenant, path, start, path.isEmpty() ? Status.AT_TARGET : Status.BEHIND);
            })
        .run(action, target, tenants);
  }

  private static TenantResult result(
      Tenant tenant, MigrationPath path, long startNanos, Status status) {
    return new TenantResult(
        tenant.name(),
        path.graph().inGraphOrder(path.startHeads()),
        path.endHeads(),
        path.steps().size(),
        (System.nanoTime() - startNanos) / 1_000_000,
        status,
        null,
        ExitCode.OK);
  }

  /** A runner for one tenant: its schemas, its version table there, its lock. */
  private MigrationRunner runner(Tenant tenant) {
    return new MigrationRunner(
            graph,
            config.versionTable(),
            tenant.schemas(),
            config.lockTimeout(),
            config.createSchemas(),
            new TenantListener(tenant, reporter))
        .limitedTo(Workspace.statementLimits(config))
        .inModes(config.modes(), new UrlConnections(tenant.url()));
  }

  /** A tenant's warnings and SQL, named after it; one tenant's lines at a time. */
  private record TenantListener(Tenant tenant, Reporter reporter) implements RunListener {

    @Override
    public void warning(String message) {
      synchronized (reporter) {
        reporter.warning(tenant.name() + ": " + message);
      }
    }

    @Override
    public void statement(String sql) {
      synchronized (reporter) {
        reporter.detail(tenant.name() + ": " + sql);
      }
    }
  }
}
