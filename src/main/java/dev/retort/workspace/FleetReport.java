package dev.retort.workspace;

import dev.retort.error.ExitCode;
import dev.retort.workspace.TenantResult.Status;
import java.util.List;

/**
 * What a fleet command did: one result per tenant, in the fleet's order.
 *
 * @param action the command ({@code upgrade})
 * @param target what it aimed at ({@code head})
 * @param stopped why the fleet stopped before every tenant had its turn, or null
 * @param millis how long the whole run took
 * @param peakConnections the most connections open at once (never more than the caps allow)
 */
public record FleetReport(
    String action,
    String target,
    List<TenantResult> results,
    String stopped,
    long millis,
    int peakConnections) {

  public FleetReport {
    results = List.copyOf(results);
  }

  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** Tenants per second that had their turn. */
  public double rate() {
    long finished = results.size() - count(Status.NOT_RUN);
    return millis == 0 ? finished : finished * 1000.0 / millis;
  }

  /**
   * All done (0), a tenant behind the heads or drifted for {@code check} and {@code drift} (1, as
   * for one database), some failed while the rest went on ({@link ExitCode#TENANTS_FAILED}), or
   * stopped before every tenant's turn ({@link ExitCode#TENANTS_STOPPED}).
   */
  public ExitCode exitCode() {
    if (stopped != null) {
      return ExitCode.TENANTS_STOPPED;
    }
    if (count(Status.FAILED) > 0) {
      return ExitCode.TENANTS_FAILED;
    }
    // check's contract: a tenant behind the heads is a difference, as a model out of sync is.
    boolean differs =
        (action.equals("check") && count(Status.BEHIND) > 0) || count(Status.DRIFTED) > 0;
    return differs ? ExitCode.DIFFERENCES : ExitCode.OK;
  }

  private boolean writes() {
    return action.equals("upgrade") || action.equals("downgrade");
  }

  /** The plain one-line summary for logs. */
  public String summary() {
    return action
        + " "
        + target
        + " on "
        + results.size()
        + " tenant(s): "
        // Only upgrade and downgrade do anything to a tenant.
        + (writes() ? count(Status.DONE) + " done, " : "")
        + count(Status.AT_TARGET)
        + " at target, "
        + (count(Status.BEHIND) > 0 ? count(Status.BEHIND) + " behind, " : "")
        + (count(Status.DRIFTED) > 0 ? count(Status.DRIFTED) + " drifted, " : "")
        + count(Status.FAILED)
        + " failed, "
        + count(Status.NOT_RUN)
        + " not run, in "
        + String.format(java.util.Locale.ROOT, "%.1f s (%.1f tenants/s)", millis / 1000.0, rate())
        + (stopped == null ? "" : "; stopped: " + stopped);
  }
}
