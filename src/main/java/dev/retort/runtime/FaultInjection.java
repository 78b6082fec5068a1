package dev.retort.runtime;

/**
 * A test hook for the fault-injection tier: with {@code RETORT_FAULT_HALT_BEFORE_STATEMENT=N} in
 * the environment, the process stops dead (as {@code kill -9} would) right before the N-th
 * statement it runs, counted over the whole run. Unset, it costs one comparison per statement.
 */
final class FaultInjection {

  private static final int HALT_BEFORE = parse(System.getenv("RETORT_FAULT_HALT_BEFORE_STATEMENT"));
  private static int statements;

  private FaultInjection() {}

  static synchronized void beforeStatement() {
    statements++;
    if (statements == HALT_BEFORE) {
      Runtime.getRuntime().halt(137);
    }
  }

  private static int parse(String value) {
    try {
      return value == null ? -1 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
