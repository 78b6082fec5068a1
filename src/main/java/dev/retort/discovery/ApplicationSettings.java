package dev.retort.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Spring Boot or Quarkus application's own settings files say, merged as the framework
 * merges them: {@code application.yml}/{@code .yaml} then {@code application.properties} (which
 * wins) in each location, locations in order (later wins), then the same for each active profile's
 * {@code application-{profile}.*} (profile files always beat plain ones), with YAML documents and
 * Quarkus {@code %profile.} keys applied when their profile is active. Placeholders are resolved; a
 * setting whose placeholder nothing answers is left out and listed in {@code unresolved}.
 *
 * @param settings resolved values by key, sorted
 * @param files the files read, as displayed, in the order read
 * @param profiles the active profiles, empty when none is
 * @param profileSource where the active profiles came from, or null when none is active
 * @param unresolved settings left out, with the placeholder that nothing answers
 */
public record ApplicationSettings(
    Map<String, Setting> settings,
    List<String> files,
    List<String> profiles,
    String profileSource,
    Map<String, String> unresolved) {

  /** A value and the file that set it. */
  public record Setting(String value, String file) {}

  /** A directory settings files are read from, and how messages name it. */
  public record Location(Path directory, String display) {}

  /** The profile chosen outside the application's files ({@code --profile}), and where. */
  public record ProfileChoice(String profiles, String source) {}

  public static final ApplicationSettings NONE =
      new ApplicationSettings(Map.of(), List.of(), List.of(), null, Map.of());

  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".properties");

  public ApplicationSettings {
    settings = Map.copyOf(settings);
    files = List.copyOf(files);
    profiles = List.copyOf(profiles);
    unresolved = Map.copyOf(unresolved);
  }

  public String value(String key) {
    Setting setting = settings.get(key);
    return setting == null ? null : setting.value();
  }

  /** How messages name where {@code key} came from: {@code application.yml (key)}. */
  public String source(String key) {
    return settings.get(key).file() + " (" + key + ")";
  }

  /**
   * @param locations where to look, lowest precedence first
   * @param chosen the profile chosen by Retort's own settings, or null
   * @param environment the process environment: {@code SPRING_PROFILES_ACTIVE}, {@code
   *     QUARKUS_PROFILE} and placeholder values
   */
  public static ApplicationSettings read(
      List<Location> locations, ProfileChoice chosen, Map<String, String> environment) {
    List<String> files = new ArrayList<>();
    List<Layer> plain = new ArrayList<>();
    for (Location location : locations) {
      plain.addAll(layers(location, "application", files));
    }
    ProfileChoice active = activeProfiles(chosen, environment, plain);
    List<String> profiles = active == null ? List.of() : list(active.profiles());
    List<Layer> all = new ArrayList<>(plain);
    // With no profile active, Spring Boot activates "default".
    List<String> effective = profiles.isEmpty() ? List.of("default") : profiles;
    for (String profile : effective) {
      for (Location location : locations) {
        all.addAll(layers(location, "application-" + profile, files));
      }
    }
    if (files.isEmpty()) {
      return NONE;
    }
    Map<String, Setting> raw = new LinkedHashMap<>();
    for (Layer layer : all) {
      for (SettingsFile.Document document : layer.documents()) {
        if (activated(document.activation(), effective)) {
          document.values().forEach((k, v) -> raw.put(k, new Setting(v, layer.display())));
        }
      }
    }
    // Spring Boot and Quarkus both let an environment variable replace a setting
    // (SPRING_DATASOURCE_URL for spring.datasource.url): for the datasource, which deployments
    // and shells set that way, Retort does too.
    for (String key : ApplicationDatasource.keys()) {
      String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      if (environment.get(variable) != null) {
        raw.put(key, new Setting(environment.get(variable), variable));
      }
    }
    Placeholders placeholders = new Placeholders(environment, key -> rawValue(raw, key));
    Map<String, Setting> resolved = new TreeMap<>();
    Map<String, String> unresolved = new TreeMap<>();
    raw.forEach(
        (key, setting) -> {
          try {
            resolved.put(key, new Setting(placeholders.resolve(setting.value()), setting.file()));
          } catch (Placeholders.Unresolved e) {
            unresolved.put(key, "${" + e.name() + "}");
          }
        });
    return new ApplicationSettings(
        resolved, files, profiles, active == null ? null : active.source(), unresolved);
  }

  private static String rawValue(Map<String, Setting> raw, String key) {
    Setting setting = raw.get(key);
    return setting == null ? null : setting.value();
  }

  /** One file's documents. */
  private record Layer(String display, List<SettingsFile.Document> documents) {}

  private static List<Layer> layers(Location location, String baseName, List<String> files) {
    List<Layer> layers = new ArrayList<>();
    for (String extension : EXTENSIONS) {
      Path file = location.directory().resolve(baseName + extension);
      if (Files.isRegularFile(file)) {
        String display = location.display() + "/" + baseName + extension;
        files.add(display);
        layers.add(new Layer(display, SettingsFile.read(file, display)));
      }
    }
    return layers;
  }

  /**
   * The active profiles: Retort's own choice, then {@code SPRING_PROFILES_ACTIVE}, {@code
   * QUARKUS_PROFILE}, then {@code spring.profiles.active} or {@code quarkus.profile} in the
   * application's plain files (the last one set wins, as in the merge).
   */
  private static ProfileChoice activeProfiles(
      ProfileChoice chosen, Map<String, String> environment, List<Layer> plain) {
    if (chosen != null && !chosen.profiles().isBlank()) {
      return chosen;
    }
    for (String variable : List.of("SPRING_PROFILES_ACTIVE", "QUARKUS_PROFILE")) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        return new ProfileChoice(value, variable);
      }
    }
    ProfileChoice found = null;
    for (Layer layer : plain) {
      for (SettingsFile.Document document : layer.documents()) {
        if (document.activation() != null) {
          continue;
        }
        for (String key : List.of("spring.profiles.active", "quarkus.profile")) {
          String value = document.values().get(key);
          if (value != null && !value.isBlank() && !value.contains("${")) {
            found = new ProfileChoice(value, layer.display() + " (" + key + ")");
          }
        }
      }
    }
    return found;
  }

  /**
   * Whether a document applies: always without an activation; else when its expression holds.
   * Expressions are Spring Boot's without parentheses: {@code a | b} or {@code a, b} (any of),
   * {@code a & b} (all of), {@code !a} (not).
   */
  static boolean activated(String activation, List<String> profiles) {
    if (activation == null) {
      return true;
    }
    for (String any : activation.split("[|,]")) {
      boolean all = true;
      for (String term : any.split("&")) {
        String name = term.trim();
        boolean negated = name.startsWith("!");
        if (negated) {
          name = name.substring(1).trim();
        }
        all &= negated != profiles.contains(name);
      }
      if (all && !any.isBlank()) {
        return true;
      }
    }
    return false;
  }

  static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }
}
