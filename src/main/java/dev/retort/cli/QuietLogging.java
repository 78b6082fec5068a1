package dev.retort.cli;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging configuration (named by the {@code java.util.logging.config.class} property):
 * Hibernate, the embedded server and the JDBC driver all log through it, and none of that belongs
 * on a user's console. {@code RETORT_LOG=FINE} (or any level) brings it back for debugging, on
 * standard error.
 */
public final class QuietLogging {

  public QuietLogging() {
    apply();
  }

  public static void apply() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    String requested = System.getenv("RETORT_LOG");
    Level level = Level.OFF;
    if (requested != null && !requested.isBlank()) {
      try {
        level = Level.parse(requested.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        level = Level.FINE;
      }
      ConsoleHandler handler = new ConsoleHandler();
      handler.setLevel(level);
      root.addHandler(handler);
    }
    root.setLevel(level);
  }
}
