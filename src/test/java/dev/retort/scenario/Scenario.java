package dev.retort.scenario;

import dev.retort.cache.CachedCompiler;
import dev.retort.compiler.JavaSources;
import dev.retort.compiler.SourceCompiler;
import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One autogenerate scenario under {@code src/test/resources/scenarios/<name>}: the database before
 * ({@code before.sql}), the entities ({@code entities/}, package {@code fx}), settings ({@code
 * scenario.properties}: {@code schemas}, {@code rename} as a comma list, {@code hibernate.*},
 * {@code postgres.minimum} for a feature newer servers only have, {@code exclude} patterns), and
 * the golden migration class ({@code expected.java}, or the text "No changes detected").
 */
record Scenario(
    String name,
    Path directory,
    List<String> schemas,
    List<String> renames,
    Map<String, String> hibernate,
    int minimumServerMajor,
    List<String> exclude,
    int hibernateSince) {

  static final Path ROOT = Path.of("src/test/resources/scenarios");

  static Scenario load(String name) {
    return at(ROOT.resolve(name), "scenario.properties");
  }

  /** A scenario-shaped directory anywhere, its settings in {@code propertiesFile}. */
  static Scenario at(Path directory, String propertiesFile) {
    String name = directory.getFileName().toString();
    Properties properties = new Properties();
    Path file = directory.resolve(propertiesFile);
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> hibernate = new HashMap<>();
    properties.stringPropertyNames().stream()
        .filter(
            k ->
                k.startsWith("hibernate.") && !k.equals("hibernate.since") || k.startsWith("plan."))
        .forEach(k -> hibernate.put(k, properties.getProperty(k)));
    String renames = properties.getProperty("rename", "");
    return new Scenario(
        name,
        directory,
        List.of(properties.getProperty("schemas", "public").split(",")),
        renames.isBlank()
            ? List.of()
            : Arrays.stream(renames.split(",")).map(String::trim).toList(),
        hibernate,
        Integer.parseInt(properties.getProperty("postgres.minimum", "12")),
        list(properties.getProperty("exclude", "")),
        Integer.parseInt(properties.getProperty("hibernate.since", "6")));
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated.isBlank()
        ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
  }

  String beforeSql() {
    Path file = directory.resolve("before.sql");
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RetortConfig config(Path migrations) {
    return load(settings(migrations));
  }

  /**
   * The scenario as an application with these dependencies (its own Hibernate among them) would be
   * read: the entities compiled, then found on {@code entities.classpath}.
   */
  RetortConfig configOn(Path migrations, List<Path> dependencies, Path cache) {
    List<Path> sources = JavaSources.in(directory.resolve("entities"), true);
    Path classes =
        new CachedCompiler(cache).compile(SourceCompiler.Kind.ENTITIES, sources, List.of());
    Map<String, String> settings = settings(migrations);
    settings.remove("entities.sources");
    List<String> classpath = new ArrayList<>();
    classpath.add(classes.toAbsolutePath().toString());
    dependencies.forEach(d -> classpath.add(d.toString()));
    settings.put("entities.classpath", String.join(File.pathSeparator, classpath));
    return load(settings);
  }

  private RetortConfig load(Map<String, String> settings) {
    return new ConfigLoader(directory.toAbsolutePath(), Map.of()).load(null, settings);
  }

  private Map<String, String> settings(Path migrations) {
    Map<String, String> settings = new LinkedHashMap<>(hibernate);
    settings.put("schemas", String.join(",", schemas));
    settings.put("entities.packages", "fx");
    settings.put("entities.sources", directory.resolve("entities").toAbsolutePath().toString());
    settings.put("migrations.dir", migrations.toString());
    settings.put("migrations.package", "scenario");
    settings.put("exclude", String.join(",", exclude));
    settings.put("lock.timeout", "10");
    return settings;
  }
}
