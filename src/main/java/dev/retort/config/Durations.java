package dev.retort.config;

import static dev.retort.error.RetortException.invalidInput;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as PostgreSQL's settings spell them: {@code 5s}, {@code 500ms}, {@code 2min}, {@code
 * 1h}.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

  private Durations() {}

  /**
   * @param name the setting or option, named in the error
   * @param value a number with a unit; a bare number is seconds
   */
  public static Duration parse(String name, String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw invalidInput(
          name + " '" + value + "' is not a duration",
          "write e.g. " + name + "=5s (or 500ms, 2min; 0 for no limit)");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }
}
