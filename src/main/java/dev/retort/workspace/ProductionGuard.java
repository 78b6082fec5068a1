package dev.retort.workspace;

import dev.retort.config.Production;
import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import java.util.Map;

/** Stops writes to a database marked production unless the user confirmed them explicitly. */
public final class ProductionGuard {

  private ProductionGuard() {}

  public static void check(
      RetortConfig config, boolean confirmed, Map<String, String> environment, String action) {
    Production production = config.production();
    if (production.marked() && !confirmed && !production.confirmedBy(environment)) {
      throw RetortException.invalidInput(
          "refusing to "
              + action
              + " "
              + config.requireDatabase().display()
              + ": the environment is marked production (by "
              + production.source()
              + ")",
          "add --confirm-production (or set "
              + production.confirmVariable()
              + "=yes) if you mean it");
    }
  }
}
