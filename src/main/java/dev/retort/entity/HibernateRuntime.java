package dev.retort.entity;

import dev.retort.compiler.IsolatedLoader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hibernate that reads the entities, and the class loader they are loaded in. The application's
 * own Hibernate when its classpath has one (6.6 and later), since that is the Hibernate whose DDL
 * the application would create: versions differ in what they map (keys of element collections and
 * join tables, NOT NULL on versions and timestamps, enum checks). Otherwise the bundled one.
 *
 * <p>The application's Hibernate runs in a class loader of its own: the application's classes and
 * jars, the JDK, and of Retort only the model builder (defined afresh in that loader, so it links
 * against the application's Hibernate) and the neutral types it hands back (shared with Retort, so
 * the result needs no copying).
 *
 * @param loader the class loader of the entity classes
 * @param notice a line for the user when the bundled Hibernate stands in for an application's
 *     classpath, else null
 */
public record HibernateRuntime(
    HibernateModelBuilder builder,
    ClassLoader loader,
    String version,
    boolean bundled,
    String notice) {

  /** The oldest Hibernate whose API the model builder links against. */
  private static final int OLDEST_MAJOR = 6;

  private static final int OLDEST_MINOR = 6;

  private static final String BUILDER_PACKAGE = "dev.retort.entity.hibernate.";

  /** What {@code -v} prints: which Hibernate read the model. */
  public String describe() {
    return "Hibernate ORM "
        + version
        + (bundled ? " (bundled with Retort)" : " (the application's)");
  }

  /**
   * @param urls the entities' classpath
   * @param fromApplication whether the classpath is the application's (a Maven project or {@code
   *     entities.classpath}), so a missing Hibernate is worth a notice; sources Retort compiled
   *     itself have none by design
   */
  static HibernateRuntime choose(URL[] urls, boolean fromApplication) {
    ClassLoader retort = HibernateRuntime.class.getClassLoader();
    try (URLClassLoader probe = new URLClassLoader(urls, null)) {
      if (probe.findResource("org/hibernate/Version.class") == null) {
        return bundled(urls, fromApplication ? "the entities' classpath has no Hibernate" : null);
      }
    } catch (IOException e) {
      // Closing a probe that opened nothing worth keeping.
    }
    IsolatedLoader loader =
        new IsolatedLoader("retort-application-hibernate", urls, retort, BUILDER_PACKAGE);
    String version;
    HibernateModelBuilder builder;
    try {
      builder =
          (HibernateModelBuilder)
              Class.forName(HibernateModelBuilder.IMPLEMENTATION, true, loader)
                  .getDeclaredConstructor()
                  .newInstance();
      version = builder.hibernateVersion();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      loader.closeQuietly();
      return bundled(urls, "the application's Hibernate cannot be used (" + e + ")");
    }
    if (!supported(version)) {
      loader.closeQuietly();
      return bundled(
          urls,
          "the application's Hibernate "
              + version
              + " is older than "
              + OLDEST_MAJOR
              + "."
              + OLDEST_MINOR
              + ", the oldest Retort reads entities with");
    }
    return new HibernateRuntime(builder, loader, version, false, null);
  }

  private static HibernateRuntime bundled(URL[] urls, String why) {
    ClassLoader retort = HibernateRuntime.class.getClassLoader();
    HibernateModelBuilder builder;
    try {
      builder =
          (HibernateModelBuilder)
              Class.forName(HibernateModelBuilder.IMPLEMENTATION, true, retort)
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Retort's own model builder is missing", e);
    }
    String version = builder.hibernateVersion();
    String notice =
        why == null
            ? null
            : why + "; reading the entities with Retort's bundled Hibernate " + version;
    return new HibernateRuntime(
        builder, new URLClassLoader("retort-entities", urls, retort), version, true, notice);
  }

  static boolean supported(String version) {
    Matcher matcher = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
    if (!matcher.find()) {
      return false;
    }
    int major = Integer.parseInt(matcher.group(1));
    int minor = Integer.parseInt(matcher.group(2));
    return major > OLDEST_MAJOR || major == OLDEST_MAJOR && minor >= OLDEST_MINOR;
  }
}
