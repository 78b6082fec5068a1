package dev.retort.revision;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Names of new migrations: a random 12-hex-digit id (like Alembic's), and a class name that sorts
 * by creation time and says what it does: {@code M20261121_1015_AddUserBio}.
 */
public final class MigrationFiles {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_SLUG = 48;

  private MigrationFiles() {}

  public static String newRevisionId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The creation time: now, or {@code SOURCE_DATE_EPOCH} when set, which makes regenerated files
   * byte-identical (the reproducible-builds convention).
   */
  public static Instant now(Map<String, String> environment) {
    String epoch = environment.get("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch));
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public static String className(Instant created, String message) {
    return "M" + STAMP.format(created) + "_" + slug(message);
  }

  /**
   * {@code "add user bio"} becomes {@code AddUserBio}; anything not a letter or digit splits words.
   */
  public static String slug(String message) {
    StringBuilder slug = new StringBuilder();
    for (String word : message.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty() || slug.length() >= MAX_SLUG) {
        continue;
      }
      slug.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    String result = slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug.toString();
    return result.isEmpty() ? "Revision" : result;
  }
}
