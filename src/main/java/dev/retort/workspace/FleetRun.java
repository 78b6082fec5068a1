package dev.retort.workspace;

import dev.retort.workspace.TenantResult.Status;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gives each tenant its turn: at most {@code parallel} at once, the canary tenants first (the rest
 * only when all of them succeeded), and, unless failures are to be gone past, no new turn after the
 * first failure (turns under way finish). Results keep the fleet's order.
 */
final class FleetRun {

  /** One tenant's turn, on a connection the run lends it. */
  interface TenantWork {
    TenantResult run(Tenant tenant, Connection connection) throws Exception;
  }

  private final FleetOptions options;
  private final int extraConnections;
  private final Reporter reporter;
  private final TenantWork work;
  private final AtomicReference<String> stopped = new AtomicReference<>();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private long start;
  private int total;

  FleetRun(FleetOptions options, Reporter reporter, TenantWork work) {
    this(options, 0, reporter, work);
  }

  /**
   * @param extraConnections connections each turn opens itself besides the lent one (a table
   *     lock's), which the per-server cap counts too
   */
  FleetRun(FleetOptions options, int extraConnections, Reporter reporter, TenantWork work) {
    this.options = options;
    this.extraConnections = extraConnections;
    this.reporter = reporter;
    this.work = work;
  }

  FleetReport run(String action, String target, List<Tenant> tenants) {
    start = System.nanoTime();
    total = tenants.size();
    TenantResult[] results = new TenantResult[tenants.size()];
    int canary = Math.min(options.canary(), tenants.size());
    try (ServerConnections connections =
        new ServerConnections(options.perServer(), extraConnections, tenants)) {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              options.parallel(),
              r -> {
                Thread thread = new Thread(r, "retort-tenant");
                thread.setDaemon(true);
                return thread;
              });
      try {
        runPhase(pool, connections, tenants, results, 0, canary, "canary tenant ");
        runPhase(
            pool,
            connections,
            tenants,
            results,
            canary,
            tenants.size(),
            options.continueOnError() ? null : "");
      } finally {
        pool.shutdownNow();
      }
      reporter.endProgress();
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new FleetReport(
          action, target, Arrays.asList(results), stopped.get(), millis, connections.peak());
    }
  }

  /**
   * Tenants {@code from} to {@code to} (exclusive), waiting for all of their turns to end.
   *
   * @param stopAs how a failure that stops the fleet names the tenant ("canary tenant "), or null
   *     when failures do not stop it
   */
  private void runPhase(
      ExecutorService pool,
      ServerConnections connections,
      List<Tenant> tenants,
      TenantResult[] results,
      int from,
      int to,
      String stopAs) {
    List<Future<?>> turns = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int index = i;
      turns.add(
          pool.submit(
              () -> {
                Tenant tenant = tenants.get(index);
                if (stopped.get() != null) {
                  results[index] = TenantResult.notRun(tenant);
                  return;
                }
                TenantResult result = turn(connections, tenant);
                results[index] = result;
                if (result.status() == Status.FAILED) {
                  failed.incrementAndGet();
                  synchronized (reporter) {
                    reporter.warning(tenant.name() + ": " + result.error());
                  }
                  if (stopAs != null) {
                    stopped.compareAndSet(null, stopAs + tenant.name() + " failed");
                  }
                }
                finished.incrementAndGet();
                progress();
              }));
    }
    for (Future<?> turn : turns) {
      try {
        turn.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped.compareAndSet(null, "interrupted");
        return;
      } catch (ExecutionException e) {
        throw new IllegalStateException("a tenant's turn failed unexpectedly", e.getCause());
      }
    }
  }

  /** One tenant on a lent connection; whatever goes wrong is its result, not the fleet's end. */
  private TenantResult turn(ServerConnections connections, Tenant tenant) {
    long begin = System.nanoTime();
    Connection connection = null;
    boolean reusable = false;
    try {
      connection = connections.take(tenant);
      TenantResult result = work.run(tenant, connection);
      reusable = result.status() != Status.FAILED;
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TenantResult.failed(tenant, e, begin);
    } catch (Exception | LinkageError e) {
      return TenantResult.failed(tenant, e, begin);
    } finally {
      if (connection != null) {
        connections.give(tenant, connection, reusable);
      }
    }
  }

  /** "upgrade: 37/50 done, 1 failed, 12 left, 8.3 tenants/s" in place on a terminal. */
  private void progress() {
    int done = finished.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "%d/%d tenants, %d failed, %d left, %.1f tenants/s",
            done,
            total,
            failed.get(),
            total - done,
            seconds == 0 ? 0 : done / seconds);
    synchronized (reporter) {
      reporter.progress(line);
    }
  }
}
