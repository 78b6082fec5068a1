package dev.retort.reverse;

import dev.retort.compiler.IsolatedLoader;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hibernate Tools in a class loader of its own. Hibernate Tools 7.2 does not run on the Hibernate
 * ORM 7.4 Retort reads entities with (it calls {@code InFlightMetadataCollector.addTable} as 7.2
 * declares it, and fails with a {@code NoSuchMethodError}), and one class loader cannot hold two
 * Hibernates. So its jars, with the Hibernate ORM it was built on and the PostgreSQL driver, ship
 * beside Retort's classes in a {@code hibernate-tools} directory (the build copies them next to
 * {@code retort.jar} and {@code target/classes}), and this loader is built from them, over the JDK
 * alone.
 *
 * <p>Of Retort's classes, the loader defines the generator ({@code dev.retort.reverse.tools})
 * afresh, so it links against those jars, and takes the two types it shares with Retort ({@link
 * EntitySourceGenerator}, {@link GenerationRequest}) from Retort's loader: the same pattern as the
 * application's Hibernate in {@code dev.retort.entity.HibernateRuntime}.
 */
public final class HibernateToolsRuntime implements AutoCloseable {

  /** A directory of jars to use instead of the one beside Retort's classes. */
  public static final String DIRECTORY_VARIABLE = "RETORT_HIBERNATE_TOOLS";

  static final String DIRECTORY_NAME = "hibernate-tools";

  private static final String GENERATOR_PACKAGE = "dev.retort.reverse.tools.";

  private final IsolatedLoader loader;
  private final EntitySourceGenerator generator;

  private HibernateToolsRuntime(IsolatedLoader loader, EntitySourceGenerator generator) {
    this.loader = loader;
    this.generator = generator;
  }

  /** Hibernate Tools from the directory the environment names, or the one beside Retort. */
  public static HibernateToolsRuntime load(Map<String, String> environment) {
    Path directory = directory(environment);
    List<URL> jars = jars(directory);
    IsolatedLoader loader =
        new IsolatedLoader(
            "retort-hibernate-tools", jars.toArray(URL[]::new), retortLoader(), GENERATOR_PACKAGE);
    try {
      EntitySourceGenerator generator =
          (EntitySourceGenerator)
              Class.forName(EntitySourceGenerator.IMPLEMENTATION, true, loader)
                  .getDeclaredConstructor()
                  .newInstance();
      return new HibernateToolsRuntime(loader, generator);
    } catch (ReflectiveOperationException | LinkageError e) {
      loader.closeQuietly();
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "Hibernate Tools in " + directory + " cannot be loaded: " + e,
          "rebuild Retort (mvn package) so the directory holds the jars it was built with",
          e);
    }
  }

  public EntitySourceGenerator generator() {
    return generator;
  }

  @Override
  public void close() {
    loader.closeQuietly();
  }

  static Path directory(Map<String, String> environment) {
    String configured = environment.get(DIRECTORY_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try {
      URL location =
          HibernateToolsRuntime.class.getProtectionDomain().getCodeSource().getLocation();
      // target/retort.jar or target/classes: the directory sits beside either.
      return Path.of(location.toURI()).toAbsolutePath().getParent().resolve(DIRECTORY_NAME);
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(DIRECTORY_NAME).toAbsolutePath();
    }
  }

  private static List<URL> jars(Path directory) {
    List<URL> jars = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        throw RetortException.invalidInput(
            "cannot list " + directory + ": " + e.getMessage(), "check its permissions");
      }
    }
    if (jars.stream().noneMatch(url -> url.getPath().contains("hibernate-tools-orm"))) {
      throw RetortException.invalidInput(
          "Hibernate Tools is not installed beside Retort: no hibernate-tools-orm jar in "
              + directory,
          "run the launcher that 'mvn package' builds (target/retort), or set "
              + DIRECTORY_VARIABLE
              + " to a directory holding Hibernate Tools and its dependencies");
    }
    return jars;
  }

  private static ClassLoader retortLoader() {
    return HibernateToolsRuntime.class.getClassLoader();
  }
}
