package dev.retort.entity;

import java.io.IOException;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Hibernate settings a Spring Boot application runs with but never writes down: Boot's naming
 * strategies (snake_case physical names; join tables named after the owning attribute), and what
 * its {@code application.properties} passes ({@code spring.jpa.hibernate.naming.*}, {@code
 * spring.jpa.properties.*}). Without them, every table of a Boot application would compare as
 * renamed. Settings in {@code retort.properties} still win.
 */
public final class SpringBootSettings {

  private static final String BOOT_MARKER = "org/springframework/boot/SpringApplication.class";
  private static final String BOOT_4_IMPLICIT =
      "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
  private static final String BOOT_3_IMPLICIT =
      "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
  private static final String PHYSICAL = "hibernate.physical_naming_strategy";
  private static final String IMPLICIT = "hibernate.implicit_naming_strategy";

  private SpringBootSettings() {}

  /**
   * Boot's settings for an application on {@code classpath} with its project in {@code baseDir};
   * empty when Spring Boot is not on the classpath.
   */
  public static Map<String, String> of(List<Path> classpath, Path baseDir) {
    Map<String, String> settings = new TreeMap<>();
    try (URLClassLoader probe = new URLClassLoader(urls(classpath), null)) {
      if (probe.findResource(BOOT_MARKER) == null) {
        return settings;
      }
      if (probe.findResource(resource(BOOT_4_IMPLICIT)) != null) {
        settings.put(IMPLICIT, BOOT_4_IMPLICIT);
        settings.put(
            PHYSICAL, "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl");
      } else if (probe.findResource(resource(BOOT_3_IMPLICIT)) != null) {
        settings.put(IMPLICIT, BOOT_3_IMPLICIT);
        settings.put(
            PHYSICAL, "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
      }
    } catch (IOException e) {
      return settings;
    }
    settings.putAll(applicationProperties(baseDir));
    return settings;
  }

  /** What {@code src/main/resources/application.properties} passes to Hibernate. */
  static Map<String, String> applicationProperties(Path baseDir) {
    Map<String, String> settings = new TreeMap<>();
    Path file = baseDir.resolve("src/main/resources/application.properties");
    if (!Files.isRegularFile(file)) {
      return settings;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      return settings;
    }
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).trim();
      if (value.contains("${")) {
        // A placeholder Spring resolves at start-up; Retort cannot know its value.
        continue;
      }
      switch (key) {
        case "spring.jpa.hibernate.naming.physical-strategy" -> settings.put(PHYSICAL, value);
        case "spring.jpa.hibernate.naming.implicit-strategy" -> settings.put(IMPLICIT, value);
        default -> {
          if (key.startsWith("spring.jpa.properties.")) {
            settings.put(key.substring("spring.jpa.properties.".length()), value);
          }
        }
      }
    }
    return settings;
  }

  private static String resource(String className) {
    return className.replace('.', '/') + ".class";
  }

  private static URL[] urls(List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return urls;
  }
}
