package dev.retort.config;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the database is production's, and how a run that writes to it is confirmed. The
 * environment's name comes from Retort's own {@code environment} setting, else the conventional
 * {@code ENVIRONMENT} or {@code APP_ENV} variables a platform sets; {@code production} and {@code
 * prod} mark production.
 *
 * @param source where the name came from ("environment", "ENVIRONMENT", "APP_ENV"), or null
 * @param confirmVariable the variable whose value {@code yes} (or {@code true}) confirms a write,
 *     as a deploy pipeline sets it: {@code RETORT_CONFIRM_PRODUCTION} unless {@code
 *     confirm_production.variable} names another
 */
public record Production(boolean marked, String source, String confirmVariable) {

  public static final String DEFAULT_CONFIRM_VARIABLE = "RETORT_CONFIRM_PRODUCTION";

  public static final Production NONE = new Production(false, null, DEFAULT_CONFIRM_VARIABLE);

  static Production resolve(Map<String, String> settings, Map<String, String> environment) {
    String confirm = settings.get(ConfigKey.CONFIRM_VARIABLE.key());
    String variable =
        confirm == null || confirm.isBlank() ? DEFAULT_CONFIRM_VARIABLE : confirm.trim();
    String own = settings.get(ConfigKey.ENVIRONMENT.key());
    if (own != null && !own.isBlank()) {
      return new Production(isProduction(own), "environment", variable);
    }
    for (String name : new String[] {"ENVIRONMENT", "APP_ENV"}) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return new Production(isProduction(value), name, variable);
      }
    }
    return new Production(false, null, variable);
  }

  private static boolean isProduction(String name) {
    String value = name.trim().toLowerCase(Locale.ROOT);
    return value.equals("production") || value.equals("prod");
  }

  /** Whether the environment confirms writes ({@code yes} or {@code true} in the variable). */
  public boolean confirmedBy(Map<String, String> environment) {
    String value = environment.get(confirmVariable);
    return value != null
        && (value.trim().equalsIgnoreCase("yes") || value.trim().equalsIgnoreCase("true"));
  }
}
