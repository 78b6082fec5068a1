package dev.retort.config;

import dev.retort.error.RetortException;
import java.time.Duration;
import java.util.Locale;

/**
 * How Retort protects a busy production database: which plans take the online forms, and the limits
 * the runner puts on each migration statement.
 *
 * @param online when autogenerate plans the online (non-blocking) form of a change
 * @param lockTimeout how long one statement waits for a table lock before it gives up ({@code
 *     lock_timeout}); zero waits for ever. A statement stuck behind a long transaction would
 *     otherwise queue every other session behind its own lock request.
 * @param statementTimeout the longest one statement may run ({@code statement_timeout}); zero is no
 *     limit
 * @param lockRetries how often a statement that gave up waiting for a lock is tried again, with a
 *     growing pause
 */
public record Safety(
    Online online, Duration lockTimeout, Duration statementTimeout, int lockRetries) {

  public static final Safety DEFAULTS =
      new Safety(Online.AUTO, Duration.ofSeconds(5), Duration.ZERO, 3);

  /** {@code plan.online}. */
  public enum Online {
    /** Online forms for tables that hold rows; plain ones for empty and new tables. */
    AUTO,
    /** Online forms for every existing table, empty or not. */
    ALWAYS,
    /** Plain forms only. */
    NEVER;

    public static Online parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RetortException.invalidInput(
            "plan.online '" + value + "' is not auto, always or never",
            "write plan.online=auto (online forms for tables with rows), always or never");
      }
    }
  }
}
