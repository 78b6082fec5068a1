package dev.retort.workspace;

import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.discovery.ApplicationDatasource;
import dev.retort.discovery.ApplicationSettings;
import dev.retort.discovery.Framework;
import dev.retort.discovery.MappingSettings;
import dev.retort.entity.EntitiesOutside;
import dev.retort.entity.EntityClasspath;
import dev.retort.entity.EntityScanner;
import dev.retort.error.RetortException;
import dev.retort.shadow.ShadowServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code retort doctor}: what Retort found out about the project and where each thing came from, in
 * sections of labelled lines, the same on every run over the same inputs. Nothing here fails for
 * what it cannot find: a missing classpath or an unreachable server is said, not thrown.
 */
public final class Doctor {

  /** A labelled value. */
  public record Item(String label, String value) {}

  /** A titled group of items. */
  public record Section(String title, List<Item> items) {}

  /** The whole diagnosis. */
  public record Report(List<Section> sections) {}

  private final RetortConfig config;
  private final Stages stages;
  private final Path cacheRoot;

  Doctor(RetortConfig config, Stages stages, Path cacheRoot) {
    this.config = config;
    this.stages = stages;
    this.cacheRoot = cacheRoot;
  }

  Report diagnose() {
    List<Section> sections = new ArrayList<>();
    List<Item> project = new ArrayList<>();
    project.add(new Item("build", build()));
    EntityClasspath classpath = null;
    try {
      classpath =
          EntityClasspath.resolve(
              config.entityClasspath(),
              config.entitySources(),
              config.baseDir(),
              stages.compiler(),
              stages.maven());
      project.add(new Item("classpath", classpathLine(classpath)));
    } catch (RetortException e) {
      project.add(new Item("classpath", "not available: " + e.oneLine()));
    }
    Framework framework = classpath == null ? Framework.NONE : Framework.on(classpath.entries());
    project.add(
        new Item(
            "framework",
            framework == Framework.NONE
                ? "none found (plain Hibernate)"
                : framework.title() + " (on the classpath)"));
    ApplicationSettings application = config.application();
    project.add(
        new Item(
            "settings files",
            application.files().isEmpty() ? "none" : String.join(", ", application.files())));
    project.add(
        new Item(
            "profile",
            application.profiles().isEmpty()
                ? "none active"
                : String.join(",", application.profiles())
                    + " (from "
                    + application.profileSource()
                    + ")"));
    application
        .unresolved()
        .forEach(
            (key, placeholder) ->
                project.add(new Item("left out", key + " (" + placeholder + " is not set)")));
    sections.add(new Section("Project", project));
    sections.add(new Section("Entities", entities(classpath)));
    sections.add(new Section("Mapping", mapping(classpath, framework)));
    sections.add(new Section("Database", database()));
    sections.add(new Section("Caches", caches()));
    return new Report(sections);
  }

  private String build() {
    if (!config.entityClasspath().isEmpty()) {
      return "entities.classpath (" + config.entityClasspath().size() + " entries)";
    }
    if (!config.entitySources().isEmpty()) {
      return "entities.sources, compiled by Retort";
    }
    if (Files.isRegularFile(config.baseDir().resolve("pom.xml"))) {
      return "Maven project (pom.xml)";
    }
    return "none found (no pom.xml, entities.classpath or entities.sources)";
  }

  private String classpathLine(EntityClasspath classpath) {
    int entries = classpath.entries().size();
    String line = entries + (entries == 1 ? " entry" : " entries");
    if (config.entityClasspath().isEmpty()) {
      line +=
          config.entitySources().isEmpty()
              ? ": target/classes and " + (entries - 1) + " from Maven's runtime classpath"
              : ": the classes compiled from entities.sources";
    }
    return line;
  }

  private List<Item> entities(EntityClasspath classpath) {
    List<Item> items = new ArrayList<>();
    List<String> packages = config.entityPackages();
    items.add(
        new Item(
            "packages",
            packages.isEmpty() ? "not set (entities.packages)" : String.join(", ", packages)));
    if (classpath == null) {
      return items;
    }
    EntityScanner scanner = stages.entityScanner();
    if (!packages.isEmpty()) {
      items.add(new Item("found", found(scanner.scan(classpath, packages))));
    }
    List<String> outside = EntitiesOutside.of(classpath, packages, scanner);
    items.add(
        new Item(
            "ignored",
            outside.isEmpty()
                ? "none (no @Entity class of the project's own is outside entities.packages)"
                : outside.size()
                    + " @Entity outside entities.packages: "
                    + String.join(", ", outside)));
    items.add(new Item("read by", classpath.hibernate().describe()));
    return items;
  }

  private static String found(EntityScanner.Units units) {
    int entities = 0;
    int others = 0;
    TreeSet<String> packages = new TreeSet<>();
    TreeSet<String> names = new TreeSet<>();
    for (List<EntityScanner.Found> unit : units.found().values()) {
      for (EntityScanner.Found found : unit) {
        if (names.add(found.name())) {
          if (found.entity()) {
            entities++;
          } else {
            others++;
          }
          int dot = found.name().lastIndexOf('.');
          packages.add(dot < 0 ? "(default package)" : found.name().substring(0, dot));
        }
      }
    }
    return entities
        + (entities == 1 ? " entity" : " entities")
        + (others == 0
            ? ""
            : ", "
                + others
                + (others == 1
                    ? " embeddable or mapped superclass"
                    : " embeddables or mapped superclasses"))
        + (packages.isEmpty() ? "" : " in " + String.join(", ", packages));
  }

  private List<Item> mapping(EntityClasspath classpath, Framework framework) {
    List<Item> items = new ArrayList<>();
    MappingSettings settings =
        classpath == null
            ? MappingSettings.of(
                framework, config.application(), config.hibernate(), config.settingsSource())
            : Discovery.mapping(config, classpath);
    for (String key : List.of(MappingSettings.PHYSICAL, MappingSettings.IMPLICIT)) {
      MappingSettings.Sourced naming = settings.naming(key, framework);
      items.add(
          new Item(
              key.equals(MappingSettings.PHYSICAL) ? "physical naming" : "implicit naming",
              naming.value() + " (" + naming.source() + ")"));
    }
    Map<String, MappingSettings.Sourced> others = new TreeMap<>(settings.all());
    others.remove(MappingSettings.PHYSICAL);
    others.remove(MappingSettings.IMPLICIT);
    others.forEach(
        (key, sourced) ->
            items.add(
                new Item(
                    key,
                    MappingSettings.shown(key, sourced.value()) + " (" + sourced.source() + ")")));
    return items;
  }

  private List<Item> database() {
    List<Item> items = new ArrayList<>();
    if (config.database() == null) {
      items.add(
          new Item(
              "url",
              "none configured (check and revision --autogenerate use "
                  + (config.shadowImage() == null
                      ? "an embedded PostgreSQL"
                      : ShadowServers.describe(config.shadowImage()))
                  + ")"));
    } else {
      items.add(
          new Item("url", config.database().display() + " (from " + config.databaseSource() + ")"));
    }
    ApplicationDatasource datasource = ApplicationDatasource.of(config.application());
    if (datasource != null && !datasource.source().equals(config.databaseSource())) {
      items.add(
          new Item(
              "application's",
              DatabaseUrl.redact(datasource.url())
                  + " ("
                  + datasource.source()
                  + ") not used: "
                  + (datasource.postgres()
                      ? config.databaseSource() + " wins"
                      : "not a PostgreSQL URL")));
    }
    String unusable = ApplicationDatasource.unusable(config.application());
    if (unusable != null) {
      items.add(new Item("application's", "not used: " + unusable));
    }
    if (config.database() != null) {
      items.add(new Item("server", server()));
    }
    if (config.shadowImage() != null) {
      items.add(
          new Item(
              "shadow",
              config.shadowImage()
                  + " (shadow.image), "
                  + ShadowServers.availability(config.shadowImage())));
    }
    return items;
  }

  private String server() {
    try (Connection connection = Connections.open(config.database())) {
      DatabaseMetaData meta = connection.getMetaData();
      return "PostgreSQL " + meta.getDatabaseProductVersion() + ", reachable";
    } catch (RetortException e) {
      return "not reachable: " + e.getMessage();
    } catch (SQLException e) {
      return "not reachable: " + e.getMessage();
    }
  }

  private List<Item> caches() {
    if (cacheRoot == null) {
      return List.of(new Item("location", "off (cache=off): every run computes afresh"));
    }
    List<Item> items = new ArrayList<>();
    items.add(new Item("location", cacheRoot.toString()));
    items.add(new Item("size", size(cacheRoot)));
    return items;
  }

  private static String size(Path root) {
    if (!Files.isDirectory(root)) {
      return "empty";
    }
    long[] totals = new long[2];
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  totals[0] += Files.size(file);
                  totals[1]++;
                } catch (IOException e) {
                  // A file removed while walking (another run's cleanup) does not count.
                }
              });
    } catch (IOException | UncheckedIOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    if (totals[1] == 0) {
      return "empty";
    }
    String amount =
        totals[0] < 1_000_000
            ? String.format(Locale.ROOT, "%.1f kB", totals[0] / 1e3)
            : String.format(Locale.ROOT, "%.1f MB", totals[0] / 1e6);
    return amount + " in " + totals[1] + (totals[1] == 1 ? " file" : " files");
  }
}
