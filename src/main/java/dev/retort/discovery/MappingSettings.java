package dev.retort.discovery;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Hibernate settings an application maps its entities with, each with where it came from: the
 * framework's defaults, then what its settings files pass to Hibernate, then Retort's own {@code
 * hibernate.*}/{@code jakarta.persistence.*} settings, which win. The one place that decides them,
 * for the comparison and for {@code doctor} alike.
 */
public final class MappingSettings {

  /** A value and where it came from. */
  public record Sourced(String value, String source) {}

  public static final String PHYSICAL = "hibernate.physical_naming_strategy";
  public static final String IMPLICIT = "hibernate.implicit_naming_strategy";

  private static final String SPRING_PROPERTIES = "spring.jpa.properties.";
  private static final String QUARKUS_ORM = "quarkus.hibernate-orm.";
  private static final String QUARKUS_UNSUPPORTED = QUARKUS_ORM + "unsupported-properties.";

  /**
   * Quarkus' settings that change the DDL, by the Hibernate setting each becomes. Its others (fetch
   * sizes, caching, logging, schema management) do not change what the entities map to.
   */
  private static final Map<String, String> QUARKUS_KEYS =
      Map.of(
          QUARKUS_ORM + "physical-naming-strategy", PHYSICAL,
          QUARKUS_ORM + "implicit-naming-strategy", IMPLICIT,
          QUARKUS_ORM + "database.default-schema", "hibernate.default_schema",
          QUARKUS_ORM + "database.default-catalog", "hibernate.default_catalog",
          QUARKUS_ORM + "mapping.timezone.default-storage", "hibernate.timezone.default_storage",
          QUARKUS_ORM + "database.globally-quoted-identifiers",
              "hibernate.globally_quoted_identifiers");

  private final Map<String, Sourced> settings;

  private MappingSettings(Map<String, Sourced> settings) {
    this.settings = Collections.unmodifiableMap(settings);
  }

  /**
   * @param retort Retort's own Hibernate settings
   * @param retortSource how messages name where those came from
   */
  public static MappingSettings of(
      Framework framework,
      ApplicationSettings application,
      Map<String, String> retort,
      String retortSource) {
    Map<String, Sourced> settings = new TreeMap<>();
    if (framework.physicalNaming() != null) {
      String source = framework.title() + " default";
      settings.put(PHYSICAL, new Sourced(framework.physicalNaming(), source));
      settings.put(IMPLICIT, new Sourced(framework.implicitNaming(), source));
    }
    if (framework.springBoot()) {
      spring(application, settings);
    } else if (framework == Framework.QUARKUS) {
      quarkus(application, settings);
    }
    retort.forEach((key, value) -> settings.put(key, new Sourced(value, retortSource)));
    return new MappingSettings(settings);
  }

  /** A setting's value as output may show it: never a password. */
  public static String shown(String key, String value) {
    return key.toLowerCase(Locale.ROOT).contains("password") ? "(hidden)" : value;
  }

  /** Every setting, sorted by key. */
  public Map<String, Sourced> all() {
    return settings;
  }

  /** The settings as Hibernate takes them. */
  public Map<String, String> values() {
    Map<String, String> values = new TreeMap<>();
    settings.forEach((key, sourced) -> values.put(key, sourced.value()));
    return values;
  }

  /** The naming strategy in effect for {@code key} ({@link #PHYSICAL} or {@link #IMPLICIT}). */
  public Sourced naming(String key, Framework framework) {
    Sourced set = settings.get(key);
    if (set != null) {
      return set;
    }
    String source =
        framework == Framework.QUARKUS
            ? "Hibernate default, which Quarkus keeps"
            : "Hibernate default";
    return new Sourced(
        key.equals(PHYSICAL) ? Framework.HIBERNATE_PHYSICAL : Framework.HIBERNATE_IMPLICIT, source);
  }

  /**
   * {@code spring.jpa.hibernate.naming.*} and {@code spring.jpa.properties.*}; {@code
   * spring.jpa.hibernate.ddl-auto} is the application's business, never Retort's (it compares, it
   * does not let Hibernate change a schema).
   */
  private static void spring(ApplicationSettings application, Map<String, Sourced> settings) {
    application
        .settings()
        .forEach(
            (key, setting) -> {
              String target =
                  switch (key) {
                    case "spring.jpa.hibernate.naming.physical-strategy" -> PHYSICAL;
                    case "spring.jpa.hibernate.naming.implicit-strategy" -> IMPLICIT;
                    default ->
                        key.startsWith(SPRING_PROPERTIES) && !key.contains("[")
                            ? key.substring(SPRING_PROPERTIES.length())
                            : null;
                  };
              if (target != null) {
                settings.put(target, new Sourced(setting.value(), application.source(key)));
              }
            });
  }

  private static void quarkus(ApplicationSettings application, Map<String, Sourced> settings) {
    application
        .settings()
        .forEach(
            (key, setting) -> {
              String source = application.source(key);
              String value = setting.value();
              if (QUARKUS_KEYS.containsKey(key)) {
                String target = QUARKUS_KEYS.get(key);
                settings.put(
                    target,
                    new Sourced(
                        target.equals("hibernate.timezone.default_storage")
                            ? value.toUpperCase(Locale.ROOT).replace('-', '_')
                            : value,
                        source));
              } else if (key.startsWith(QUARKUS_UNSUPPORTED)) {
                String target = key.substring(QUARKUS_UNSUPPORTED.length()).replace("\"", "");
                settings.put(target, new Sourced(value, source));
              } else if (key.equals(QUARKUS_ORM + "quote-identifiers.strategy")) {
                quoting(value, source, settings);
              } else if (key.equals(QUARKUS_ORM + "validation.enabled")
                  && value.equalsIgnoreCase("false")) {
                settings.put("jakarta.persistence.validation.mode", new Sourced("none", source));
              }
            });
  }

  /** Quarkus' identifier quoting strategies, as the Hibernate settings Quarkus sets for each. */
  private static void quoting(String strategy, String source, Map<String, Sourced> settings) {
    switch (strategy.trim().toLowerCase(Locale.ROOT)) {
      case "all" ->
          settings.put("hibernate.globally_quoted_identifiers", new Sourced("true", source));
      case "all-except-column-definitions" -> {
        settings.put("hibernate.globally_quoted_identifiers", new Sourced("true", source));
        settings.put(
            "hibernate.globally_quoted_identifiers_skip_column_definitions",
            new Sourced("true", source));
      }
      case "only-keywords" ->
          settings.put("hibernate.auto_quote_keyword", new Sourced("true", source));
      default -> {
        // "none", Quarkus' default: nothing quoted.
      }
    }
  }
}
