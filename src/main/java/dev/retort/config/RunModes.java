package dev.retort.config;

import dev.retort.error.RetortException;
import java.util.Locale;

/**
 * How the runner serializes runners and groups statements into transactions: the two seams for
 * engines that speak PostgreSQL's protocol but lack advisory locks (CockroachDB) or atomic
 * multi-statement DDL (CockroachDB, YugabyteDB). PostgreSQL itself has both, and the defaults use
 * them.
 *
 * @param lock how concurrent runners on one version table are kept apart
 * @param transactions how a migration's statements are committed
 */
public record RunModes(LockMode lock, TransactionMode transactions) {

  public static final RunModes DEFAULTS =
      new RunModes(LockMode.ADVISORY, TransactionMode.MIGRATION);

  /** {@code lock.mode}. */
  public enum LockMode {
    /** A session-level advisory lock, gone with the session that held it. */
    ADVISORY,
    /** A row in a lock table, with an owner, a heartbeat and an expiry. */
    TABLE;

    public static LockMode parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RetortException.invalidInput(
            "lock.mode '" + value + "' is neither advisory nor table",
            "write lock.mode=advisory (PostgreSQL's default) or lock.mode=table (engines without"
                + " advisory locks)");
      }
    }
  }

  /** {@code transaction.mode}. */
  public enum TransactionMode {
    /** Each migration in one transaction with its version-table update (unless it opts out). */
    MIGRATION,
    /** Each statement commits on its own, recorded, so a stopped migration resumes after it. */
    PER_STATEMENT;

    public static TransactionMode parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw RetortException.invalidInput(
            "transaction.mode '" + value + "' is neither migration nor per-statement",
            "write transaction.mode=migration (the default) or transaction.mode=per-statement");
      }
    }
  }
}
