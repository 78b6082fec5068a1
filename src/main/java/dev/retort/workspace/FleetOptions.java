package dev.retort.workspace;

import dev.retort.error.RetortException;

/**
 * How a fleet command goes through its tenants.
 *
 * @param filter names or patterns of the tenants to work on (null: all)
 * @param parallel how many tenants at once
 * @param perServer the most connections open to one server at once
 * @param canary how many tenants go first; the rest only when all of them succeeded
 * @param continueOnError go on past failed tenants instead of starting no new one
 */
public record FleetOptions(
    String filter, int parallel, int perServer, int canary, boolean continueOnError) {

  /** The default per-server cap: enough to keep a server busy, few enough not to flood it. */
  public static final int PER_SERVER = 8;

  public FleetOptions {
    if (parallel < 1 || parallel > 256) {
      throw RetortException.invalidInput(
          "--parallel " + parallel + " is not from 1 to 256", "write e.g. --parallel 4");
    }
    if (perServer < 1) {
      throw RetortException.invalidInput(
          "--per-server " + perServer + " is not at least 1", "write e.g. --per-server 8");
    }
    if (canary < 0) {
      throw RetortException.invalidInput(
          "--canary " + canary + " is negative", "write e.g. --canary 3, or leave it out");
    }
  }

  /** All tenants, as many at once as there are cores, no canary, stopping at the first failure. */
  public static FleetOptions defaults(String filter) {
    return new FleetOptions(
        filter, Runtime.getRuntime().availableProcessors(), PER_SERVER, 0, false);
  }

  /** Reading commands change nothing: every tenant is looked at, whatever fails. */
  FleetOptions forReading() {
    return new FleetOptions(filter, parallel, perServer, 0, true);
  }
}
