package dev.retort.config;

import dev.retort.discovery.ApplicationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a project's application settings files are: on the classpath root of its compiled classes
 * ({@code entities.classpath}'s directories, else a Maven project's {@code target/classes}), then
 * in {@code src/main/resources} (the source wins over a copy that may be stale). Named relative to
 * the project, as messages show them.
 */
final class ApplicationFiles {

  private final Path baseDir;
  private final Map<String, String> environment;

  ApplicationFiles(Path baseDir, Map<String, String> environment) {
    this.baseDir = baseDir;
    this.environment = environment;
  }

  /**
   * @param classpath {@code entities.classpath}, resolved; empty when unset
   * @param profile the profile Retort's settings choose, or null
   */
  ApplicationSettings read(List<Path> classpath, ApplicationSettings.ProfileChoice profile) {
    List<Path> roots = classpath;
    if (roots.isEmpty() && Files.isRegularFile(baseDir.resolve("pom.xml"))) {
      roots = List.of(baseDir.resolve("target/classes"));
    }
    List<ApplicationSettings.Location> locations = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        locations.add(new ApplicationSettings.Location(root, display(root)));
      }
    }
    Path resources = baseDir.resolve("src/main/resources");
    locations.add(new ApplicationSettings.Location(resources, display(resources)));
    return ApplicationSettings.read(locations, profile, environment);
  }

  private String display(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    return normalized.startsWith(baseDir)
        ? baseDir.relativize(normalized).toString()
        : path.toString();
  }
}
