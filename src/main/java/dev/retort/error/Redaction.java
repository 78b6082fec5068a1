package dev.retort.error;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every message passes through before anyone sees it: our errors, the driver's and
 * the server's messages, verbose output, stack traces. It hides passwords in any URL form (user
 * info, even when the password holds {@code /} or {@code @}), in {@code password=} and {@code
 * sslpassword=} parameters, and every secret the configuration named, raw or percent-encoded.
 */
public final class Redaction {

  private static final String HIDDEN = "***";

  /** A scheme, then {@code user:secret@} up to the last {@code @} of the token. */
  private static final Pattern USER_INFO =
      Pattern.compile(
          "(?i)([a-z][a-z0-9+.\\-]*://)([^\\s/:@'\"]*):([^\\s'\"]*)@(?=[^\\s@'\"]*(?:[\\s'\"]|$))");

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:ssl)?pass(?:word|phrase)\\s*[=:]\\s*)([^&\\s'\"]+)");

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private Redaction() {}

  /** Hides {@code secret} wherever it appears from now on (as given and percent-encoded). */
  public static void register(String secret) {
    if (secret == null || secret.length() < 2) {
      return; // a one-character "secret" would blank out ordinary text and protect nothing
    }
    SECRETS.add(secret);
    SECRETS.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    SECRETS.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result =
        USER_INFO
            .matcher(text)
            .replaceAll(
                m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + HIDDEN + "@"));
    result =
        PASSWORD_PARAMETER
            .matcher(result)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
    for (String secret : SECRETS) {
      if (result.contains(secret)) {
        result = result.replace(secret, HIDDEN);
      }
    }
    return result;
  }
}
