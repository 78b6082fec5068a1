package dev.retort.discovery;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The application framework on the entities' classpath, found by a class each ships; it decides the
 * Hibernate defaults the application runs with and which of its settings Retort reads.
 */
public enum Framework {
  /** Spring Boot 4: Hibernate's snake_case physical naming, Boot's implicit naming. */
  SPRING_BOOT_4(
      "Spring Boot 4",
      "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
      "org.springframework.boot.hibernate.SpringImplicitNamingStrategy"),
  /** Spring Boot 3 (and 2): CamelCaseToUnderscoresNamingStrategy, Boot's implicit naming. */
  SPRING_BOOT_3(
      "Spring Boot 3",
      "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
      "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy"),
  /**
   * Spring Boot without its JPA support on the classpath (no naming strategy class): its settings
   * are read, Hibernate's naming stays.
   */
  SPRING_BOOT("Spring Boot", null, null),
  /**
   * Quarkus keeps Hibernate's own naming ({@code PhysicalNamingStrategyStandardImpl}, {@code
   * ImplicitNamingStrategyJpaCompliantImpl}) unless {@code quarkus.hibernate-orm.*-naming-strategy}
   * says otherwise.
   */
  QUARKUS("Quarkus", null, null),
  NONE("none", null, null);

  static final String HIBERNATE_PHYSICAL =
      "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";
  static final String HIBERNATE_IMPLICIT =
      "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

  private static final String BOOT_MARKER = "org/springframework/boot/SpringApplication.class";
  private static final String QUARKUS_MARKER = "io/quarkus/runtime/Quarkus.class";

  private final String title;
  private final String physicalNaming;
  private final String implicitNaming;

  Framework(String title, String physicalNaming, String implicitNaming) {
    this.title = title;
    this.physicalNaming = physicalNaming;
    this.implicitNaming = implicitNaming;
  }

  public String title() {
    return title;
  }

  /** The physical naming strategy the framework sets, or null when it keeps Hibernate's. */
  String physicalNaming() {
    return physicalNaming;
  }

  /** The implicit naming strategy the framework sets, or null when it keeps Hibernate's. */
  String implicitNaming() {
    return implicitNaming;
  }

  public boolean springBoot() {
    return this == SPRING_BOOT_4 || this == SPRING_BOOT_3 || this == SPRING_BOOT;
  }

  /** The framework of an application whose classes and dependencies are {@code classpath}. */
  public static Framework on(List<Path> classpath) {
    try (URLClassLoader probe = new URLClassLoader(urls(classpath), null)) {
      if (probe.findResource(BOOT_MARKER) != null) {
        for (Framework boot : List.of(SPRING_BOOT_4, SPRING_BOOT_3)) {
          if (probe.findResource(boot.implicitNaming.replace('.', '/') + ".class") != null) {
            return boot;
          }
        }
        return SPRING_BOOT;
      }
      return probe.findResource(QUARKUS_MARKER) != null ? QUARKUS : NONE;
    } catch (IOException e) {
      return NONE;
    }
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
