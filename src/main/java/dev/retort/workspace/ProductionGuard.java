package dev.retort.workspace;

import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import java.util.Map;

/** Stops writes to a database marked production unless the user confirmed them explicitly. */
public final class ProductionGuard {

  private ProductionGuard() {}

  public static void check(
      RetortConfig config, boolean confirmed, Map<String, String> environment, String action) {
    boolean confirmedByEnvironment =
        "yes".equalsIgnoreCase(environment.get("RETORT_CONFIRM_PRODUCTION"));
    if (config.production() && !confirmed && !confirmedByEnvironment) {
      throw RetortException.invalidInput(
          "refusing to "
              + action
              + " "
              + config.requireDatabase().display()
              + ": the environment is marked production",
          "add --confirm-production (or set RETORT_CONFIRM_PRODUCTION=yes) if you mean it");
    }
  }
}
