package dev.retort.timing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per phase, for {@code -v} and the benchmark. A phase named {@code outer/inner} is a
 * part of phase {@code outer}, whose time includes it. Thread-safe.
 */
public final class PhaseTimer {

  private final Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());

  public <T> T time(String phase, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  /** Work with no result. */
  public void run(String phase, Runnable work) {
    time(
        phase,
        () -> {
          work.run();
          return null;
        });
  }

  /** Work that may throw a checked exception. */
  public interface CheckedWork<T, E extends Exception> {
    T run() throws E;
  }

  public <T, E extends Exception> T timeChecked(String phase, CheckedWork<T, E> work) throws E {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      millis.merge(phase, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  /** Phases in the order they first ran: {@code scan 120 ms, hibernate 900 ms}. */
  public String summary() {
    synchronized (millis) {
      StringBuilder text = new StringBuilder();
      millis.forEach(
          (phase, ms) ->
              text.append(text.length() == 0 ? "" : ", ")
                  .append(phase)
                  .append(' ')
                  .append(ms)
                  .append(" ms"));
      return text.toString();
    }
  }
}
