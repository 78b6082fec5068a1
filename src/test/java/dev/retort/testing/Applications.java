package dev.retort.testing;

import dev.retort.cache.CachedMavenDependencies;
import dev.retort.entity.MavenProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * The dependency classpaths of the small applications under {@code src/test/resources/applications}
 * (a pom each: Hibernate 6.6 with a validator, Hibernate 7 with a validator), resolved by Maven as
 * Retort resolves a user's project, and remembered across test runs by the same cache.
 */
public final class Applications {

  public static final Path ROOT = Path.of("src/test/resources/applications");

  private static final CachedMavenDependencies MAVEN =
      new CachedMavenDependencies(new MavenProcess(), Path.of("target/retort-test-cache"));

  private Applications() {}

  /** The runtime dependencies of application {@code name}. */
  public static List<Path> dependencies(String name) {
    return MAVEN.runtimeClasspath(ROOT.resolve(name).resolve("pom.xml").toAbsolutePath());
  }
}
