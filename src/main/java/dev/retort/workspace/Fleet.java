package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.CatalogSource;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.config.RetortConfig;
import dev.retort.config.RunModes;
import dev.retort.connect.UrlConnections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import dev.retort.schema.EntityModel;
import dev.retort.schema.Schema;
import dev.retort.workspace.TenantResult.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code upgrade|downgrade|current|pending|check|drift --tenants}: one command over a fleet of
 * tenants (schemas of one database, or databases), each with its own version table and its own
 * migration lock, so two fleet runs started together never apply a migration twice. Every tenant's
 * turn is a runner like the single-database commands', on a connection the fleet reuses. What a
 * tenant's catalog is compared with (the entities, what the migrations build) is built once for the
 * whole fleet; each tenant's catalog is read, compared and let go, so memory stays flat in the
 * number of tenants.
 */
public final class Fleet {

  private final RetortConfig config;
  private final Map<String, String> environment;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;

  Fleet(
      RetortConfig config,
      Map<String, String> environment,
      RevisionGraph graph,
      Stages stages,
      Reporter reporter) {
    this.config = config;
    this.environment = Map.copyOf(environment);
    this.graph = graph;
    this.stages = stages;
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
    // A table lock's row is taken on a connection of its own, within the per-server cap.
    int lockConnections = config.modes().lock() == RunModes.LockMode.TABLE ? 1 : 0;
    return new FleetRun(
            options,
            lockConnections,
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant, config.createSchemas());
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
   * {@code check --tenants}: every tenant at the heads, with no applied migration edited since, and
   * in sync with the entities (the comparison {@code check} makes for one database). The entities
   * are read once, canonicalized on the template tenant's database; each tenant's catalog is read
   * once. The tenants that are behind or drifted are named, with why.
   */
  public FleetReport check(FleetOptions options) {
    List<String> heads = graph.heads();
    if (heads.size() > 1) {
      throw RetortException.revisionGraph(
          "the migrations have " + heads.size() + " heads (" + String.join(", ", heads) + ")",
          "merge them: retort merge -m \"merge\" " + String.join(" ", heads));
    }
    TenantDirectory directory = new TenantDirectory(config);
    List<Tenant> tenants = directory.list(options.filter());
    TenantDirectory.Template template = directory.template(tenants);
    reporter.notice(
        "Checking "
            + tenants.size()
            + " tenant(s) against the entities, read once on "
            + template.describe());
    ModelComparison comparison =
        new ModelComparison(tenantConfig(template.tenant()), graph, stages, reporter);
    EntityModel model;
    reporter.progress("Reading the entities ...");
    try {
      model = comparison.entities(template.tenant().url());
    } finally {
      reporter.endProgress();
    }
    return new FleetRun(
            options.forReading(),
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant, false);
              runner.prepare(connection);
              runner.verifyChecksums(connection);
              MigrationPath path = runner.pending(connection, "heads");
              if (!path.isEmpty()) {
                return result(tenant, path, start, Status.BEHIND);
              }
              Schema live = catalog(tenant).read(connection);
              MigrationPlan plan = comparison.differences(live, model, major(connection), heads);
              TenantResult result = result(tenant, path, start, Status.AT_TARGET);
              return plan.isEmpty() ? result : result.drifted(summaries(plan));
            })
        .run("check", "heads", tenants);
  }

  /**
   * {@code drift --tenants}: each tenant's catalog against what the migrations build at the
   * revision it records (see {@link DriftCheck}), built once per revision on an embedded server.
   */
  public FleetReport drift(FleetOptions options) {
    List<Tenant> tenants = tenants(options.filter());
    reporter.notice(
        "Comparing "
            + tenants.size()
            + " tenant(s) with what the migrations build at the revision each records (replayed"
            + " once per revision, on an embedded PostgreSQL)");
    try (ExpectedCatalogs expected =
        new ExpectedCatalogs(tenantConfig(tenants.get(0)), graph, stages)) {
      return new FleetRun(
              options.forReading(),
              reporter,
              (tenant, connection) -> {
                long start = System.nanoTime();
                MigrationRunner runner = runner(tenant, false);
                runner.prepare(connection);
                List<String> recorded = runner.currentHeads(connection);
                new RevisionNavigator(graph).requireKnown(recorded);
                Schema live = catalog(tenant).read(connection);
                MigrationPlan plan =
                    DriftCheck.compare(
                            live,
                            expected.at(recorded),
                            scope(tenant),
                            major(connection),
                            graph,
                            recorded)
                        .differences();
                TenantResult result =
                    result(
                        tenant,
                        new MigrationPath(graph, Direction.UPGRADE, recorded, List.of()),
                        start,
                        Status.AT_TARGET);
                return plan.isEmpty() ? result : result.drifted(summaries(plan));
              })
          .run("drift", "recorded revisions", tenants);
    }
  }

  private RetortConfig tenantConfig(Tenant tenant) {
    return config.forTenant(tenant.url(), tenant.schemas());
  }

  private CatalogScope scope(Tenant tenant) {
    return Replays.scope(tenantConfig(tenant));
  }

  private CatalogSource catalog(Tenant tenant) {
    return stages.freshCatalog(scope(tenant));
  }

  private static int major(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseMajorVersion();
  }

  private static List<String> summaries(MigrationPlan plan) {
    return plan.changes().stream().map(PlannedChange::summary).toList();
  }

  private FleetReport read(String action, String target, FleetOptions options) {
    List<Tenant> tenants = tenants(options.filter());
    return new FleetRun(
            options.forReading(),
            reporter,
            (tenant, connection) -> {
              long start = System.nanoTime();
              MigrationRunner runner = runner(tenant, false);
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
        ExitCode.OK,
        List.of(),
        0);
  }

  /**
   * A runner for one tenant: its schemas, its version table there, its lock.
   *
   * @param createSchemas whether its schemas may be created (never by the commands that only read)
   */
  private MigrationRunner runner(Tenant tenant, boolean createSchemas) {
    return new MigrationRunner(
            graph,
            config.versionTable(),
            tenant.schemas(),
            config.lockTimeout(),
            createSchemas,
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
