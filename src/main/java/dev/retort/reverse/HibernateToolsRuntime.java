package dev.retort.reverse;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
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

  private final ToolsLoader loader;
  private final EntitySourceGenerator generator;

  private HibernateToolsRuntime(ToolsLoader loader, EntitySourceGenerator generator) {
    this.loader = loader;
    this.generator = generator;
  }

  /** Hibernate Tools from the directory the environment names, or the one beside Retort. */
  public static HibernateToolsRuntime load(Map<String, String> environment) {
    Path directory = directory(environment);
    List<URL> jars = jars(directory);
    ToolsLoader loader = new ToolsLoader(jars.toArray(URL[]::new), retortLoader());
    try {
      EntitySourceGenerator generator =
          (EntitySourceGenerator)
              Class.forName(EntitySourceGenerator.IMPLEMENTATION, true, loader)
                  .getDeclaredConstructor()
                  .newInstance();
      return new HibernateToolsRuntime(loader, generator);
    } catch (ReflectiveOperationException | LinkageError e) {
      close(loader);
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
    close(loader);
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

  private static void close(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Nothing loaded from it is used any more.
    }
  }

  /**
   * Hibernate Tools' jars over the JDK; Retort's generator defined here from Retort's class files;
   * every other Retort class (the shared interface and request) from Retort's loader.
   */
  private static final class ToolsLoader extends URLClassLoader {

    static {
      registerAsParallelCapable();
    }

    private final ClassLoader retort;

    ToolsLoader(URL[] urls, ClassLoader retort) {
      super("retort-hibernate-tools", urls, ClassLoader.getPlatformClassLoader());
      this.retort = retort;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(GENERATOR_PACKAGE)) {
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          if (loaded == null) {
            loaded = defineFromRetort(name);
          }
          if (resolve) {
            resolveClass(loaded);
          }
          return loaded;
        }
      }
      if (name.startsWith("dev.retort.")) {
        return retort.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    private Class<?> defineFromRetort(String name) throws ClassNotFoundException {
      try (InputStream in = retort.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
