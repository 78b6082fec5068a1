package dev.retort.discovery;

import java.util.List;

/**
 * The datasource an application's settings name: Spring Boot's {@code spring.datasource.*}, else
 * Quarkus' default datasource ({@code quarkus.datasource.jdbc.url}, {@code
 * quarkus.datasource.username}, {@code quarkus.datasource.password}).
 *
 * @param url the JDBC URL as written
 * @param user null when the settings name none
 * @param password null when the settings name none; never printed
 * @param source where the URL came from, e.g. {@code src/main/resources/application.yml
 *     (spring.datasource.url)}
 */
public record ApplicationDatasource(String url, String user, String password, String source) {

  private record Keys(String url, String user, String password) {}

  private static final List<Keys> KEYS =
      List.of(
          new Keys(
              "spring.datasource.url", "spring.datasource.username", "spring.datasource.password"),
          new Keys(
              "quarkus.datasource.jdbc.url",
              "quarkus.datasource.username",
              "quarkus.datasource.password"));

  @Override
  public String toString() {
    return "ApplicationDatasource[" + url + ", user " + user + ", from " + source + "]";
  }

  /** The settings a datasource is made of, which the environment may also set. */
  static List<String> keys() {
    return KEYS.stream()
        .flatMap(k -> java.util.stream.Stream.of(k.url(), k.user(), k.password()))
        .toList();
  }

  /**
   * Whether it is a PostgreSQL URL: another database's (an H2 URL for tests, say) is the
   * application's business, and Retort looks elsewhere rather than refuse to run.
   */
  public boolean postgres() {
    return url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length());
  }

  /** The datasource the settings name, or null; Spring Boot's first. */
  public static ApplicationDatasource of(ApplicationSettings settings) {
    for (Keys keys : KEYS) {
      String url = settings.value(keys.url());
      if (url != null && !url.isBlank()) {
        return new ApplicationDatasource(
            url.trim(),
            blankToNull(settings.value(keys.user())),
            settings.value(keys.password()),
            settings.source(keys.url()));
      }
    }
    return null;
  }

  /**
   * Why the settings name a datasource Retort cannot use (a placeholder nothing answers), or null.
   */
  public static String unusable(ApplicationSettings settings) {
    for (Keys keys : KEYS) {
      String placeholder = settings.unresolved().get(keys.url());
      if (placeholder != null) {
        return keys.url() + " refers to " + placeholder + ", which is not set";
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
