package dev.retort.entity;

import dev.retort.compiler.JavaSources;
import dev.retort.compiler.SourceCompiler;
import dev.retort.error.RetortException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the entity classes come from, in order: {@code entities.classpath}, else {@code
 * entities.sources} (compiled in-process), else the Maven project in the base directory ({@code
 * target/classes} plus the dependency classpath Maven reports). One instance is one run's view: its
 * class files are hashed once, its class loader made once.
 */
public final class EntityClasspath {

  private final List<Path> entries;
  private final boolean fromApplication;
  private ClassFiles classFiles;
  private HibernateRuntime hibernate;

  private EntityClasspath(List<Path> entries, boolean fromApplication) {
    this.entries = List.copyOf(entries);
    this.fromApplication = fromApplication;
  }

  public List<Path> entries() {
    return entries;
  }

  public static EntityClasspath of(List<Path> entries) {
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw RetortException.invalidInput(
            "entities.classpath entry " + entry + " does not exist",
            entry.toString().contains("target")
                ? "build the project first (mvn compile)"
                : "fix the path");
      }
    }
    return new EntityClasspath(entries, true);
  }

  /**
   * @param compiler compiles {@code sources} when they are the entities' origin
   * @param maven gives a Maven project's dependencies when neither is set
   */
  public static EntityClasspath resolve(
      List<Path> classpath,
      List<Path> sources,
      Path baseDir,
      SourceCompiler compiler,
      MavenDependencies maven) {
    if (!classpath.isEmpty()) {
      return of(classpath);
    }
    if (!sources.isEmpty()) {
      List<Path> files = new ArrayList<>();
      for (Path directory : sources) {
        if (!Files.isDirectory(directory)) {
          throw RetortException.invalidInput(
              "entities.sources directory " + directory + " does not exist", "fix the path");
        }
        files.addAll(JavaSources.in(directory, true));
      }
      if (files.isEmpty()) {
        throw RetortException.invalidInput(
            "entities.sources " + sources + " holds no .java files", "fix the path");
      }
      return new EntityClasspath(
          List.of(compiler.compile(SourceCompiler.Kind.ENTITIES, files, List.of())), false);
    }
    Path pom = baseDir.resolve("pom.xml");
    if (Files.isRegularFile(pom)) {
      Path classes = baseDir.resolve("target/classes");
      if (!Files.isDirectory(classes)) {
        throw RetortException.invalidInput(
            "this Maven project has no target/classes yet", "compile it first: mvn compile");
      }
      List<Path> entries = new ArrayList<>();
      entries.add(classes);
      entries.addAll(maven.runtimeClasspath(pom));
      return new EntityClasspath(entries, true);
    }
    throw RetortException.invalidInput(
        "Retort does not know where your compiled entities are",
        "set entities.classpath (e.g. build/classes/java/main plus your jars), or run Retort in a"
            + " Maven project");
  }

  /** The class files of the classpath, read (and hashed) once. */
  public synchronized ClassFiles classFiles() {
    if (classFiles == null) {
      classFiles = ClassFiles.read(this);
    }
    return classFiles;
  }

  /**
   * The Hibernate that reads the entities (the application's own when the classpath has one) and
   * the class loader it sees them in; chosen once per run.
   */
  public synchronized HibernateRuntime hibernate() {
    if (hibernate == null) {
      URL[] urls = new URL[entries.size()];
      for (int i = 0; i < urls.length; i++) {
        try {
          urls[i] = entries.get(i).toUri().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException(e);
        }
      }
      hibernate = HibernateRuntime.choose(urls, fromApplication);
    }
    return hibernate;
  }

  /**
   * The class loader of the entities: the one their Hibernate loads them in, so the annotations are
   * the classes that Hibernate checks for.
   */
  public ClassLoader classLoader() {
    return hibernate().loader();
  }
}
