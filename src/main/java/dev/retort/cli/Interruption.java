package dev.retort.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (a CI job cancelled, Ctrl-C): the process ends through its shutdown hooks,
 * which stop an embedded server, and whatever fails on the way out is reported as the interruption
 * it is, not as the database being unreachable.
 */
final class Interruption {

  private static volatile String signal;

  private Interruption() {}

  static void install() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            received -> {
              signal = "SIG" + received.getName();
              System.exit(128 + received.getNumber());
            });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // A platform without the signal: the JVM's default handling stays.
      }
    }
  }

  /** The signal that is ending the process, or null. */
  static String received() {
    return signal;
  }
}
