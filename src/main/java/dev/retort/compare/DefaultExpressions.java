package dev.retort.compare;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When two server defaults, both as PostgreSQL prints them, mean the same thing although they are
 * spelled differently: the current-time functions, and numbers ({@code 0} and {@code 0.0}).
 */
final class DefaultExpressions {

  private static final Set<String> NOW =
      Set.of("now()", "CURRENT_TIMESTAMP", "transaction_timestamp()");
  private static final Pattern NUMBER =
      Pattern.compile(
          "^\\(?'?(-?[0-9]+(?:\\.[0-9]+)?)'?\\)?(?:::(?:numeric|integer|bigint|smallint|real|double precision))?$");

  private DefaultExpressions() {}

  static boolean equivalent(String a, String b) {
    return Objects.equals(normalize(a), normalize(b));
  }

  private static String normalize(String expression) {
    if (expression == null) {
      return null;
    }
    String text = expression.strip();
    if (NOW.contains(text)) {
      return "now()";
    }
    Matcher number = NUMBER.matcher(text);
    if (number.matches()) {
      return new BigDecimal(number.group(1)).stripTrailingZeros().toPlainString();
    }
    return text;
  }
}
