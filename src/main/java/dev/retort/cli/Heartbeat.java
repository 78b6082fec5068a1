package dev.retort.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Says a long step is still running: in a deploy log a line every interval ("still running 4f2a
 * after 30 s"), on a terminal the elapsed time in place. A backfill of an hour is then not an hour
 * of silence that looks like a hang.
 */
final class Heartbeat implements AutoCloseable {

  /** Seconds between beats: {@code RETORT_HEARTBEAT} in the environment, else 10. */
  static long interval(Map<String, String> environment) {
    try {
      long seconds = Long.parseLong(environment.getOrDefault("RETORT_HEARTBEAT", "10").trim());
      return seconds > 0 ? seconds : 10;
    } catch (NumberFormatException e) {
      return 10;
    }
  }

  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> beats;

  Heartbeat(Console console, String what, long intervalSeconds) {
    long start = System.nanoTime();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "retort-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    beats =
        timer.scheduleAtFixedRate(
            () ->
                console.heartbeat(
                    "  still running " + what + " after " + human(System.nanoTime() - start)),
            intervalSeconds,
            intervalSeconds,
            TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    beats.cancel(false);
    timer.shutdownNow();
  }

  /** An elapsed time as a person reads it: "12 ms", "3.4 s", "2 min 5 s". */
  static String human(long nanos) {
    long millis = nanos / 1_000_000;
    if (millis < 1_000) {
      return millis + " ms";
    }
    long seconds = millis / 1_000;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return seconds / 60 + " min " + seconds % 60 + " s";
  }
}
