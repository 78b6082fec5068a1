package dev.retort.entity;

import dev.retort.ExitCode;
import dev.retort.RetortException;
import dev.retort.cache.CacheDirectory;
import dev.retort.compiler.CachedJavaCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the entity classes come from, in order: {@code entities.classpath}, else {@code
 * entities.sources} (compiled in-process), else the Maven project in the base directory ({@code
 * target/classes} plus the dependency classpath Maven reports, asked once and cached by the pom's
 * content).
 */
public final class EntityClasspath {

  private final List<Path> entries;

  private EntityClasspath(List<Path> entries) {
    this.entries = List.copyOf(entries);
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
    return new EntityClasspath(entries);
  }

  public static EntityClasspath resolve(
      List<Path> classpath, List<Path> sources, Path baseDir, Path cacheRoot) {
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
        files.addAll(CachedJavaCompiler.javaFiles(directory, true));
      }
      if (files.isEmpty()) {
        throw RetortException.invalidInput(
            "entities.sources " + sources + " holds no .java files", "fix the path");
      }
      return new EntityClasspath(
          List.of(
              new CachedJavaCompiler(cacheRoot, CachedJavaCompiler.Kind.ENTITIES, List.of())
                  .compile(files)));
    }
    Path pom = baseDir.resolve("pom.xml");
    if (Files.isRegularFile(pom)) {
      return fromMaven(baseDir, pom, cacheRoot);
    }
    throw RetortException.invalidInput(
        "Retort does not know where your compiled entities are",
        "set entities.classpath (e.g. build/classes/java/main plus your jars), or run Retort in a Maven project");
  }

  private static EntityClasspath fromMaven(Path baseDir, Path pom, Path cacheRoot) {
    Path classes = baseDir.resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      throw RetortException.invalidInput(
          "this Maven project has no target/classes yet", "compile it first: mvn compile");
    }
    Path cached = cacheRoot.resolve("classpath").resolve(hash(pom) + ".txt");
    String dependencies;
    try {
      if (!Files.isRegularFile(cached)) {
        askMaven(baseDir, cached);
      }
      dependencies = Files.readString(cached, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> entries = new ArrayList<>();
    entries.add(classes);
    for (String entry : dependencies.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return new EntityClasspath(entries);
  }

  private static void askMaven(Path baseDir, Path cached) throws IOException {
    Files.createDirectories(cached.getParent());
    Path output = Files.createTempFile(cached.getParent(), "classpath-", ".txt");
    List<String> command =
        List.of(
            "mvn",
            "-q",
            "-B",
            "-f",
            baseDir.resolve("pom.xml").toString(),
            "dependency:build-classpath",
            "-Dmdep.includeScope=runtime",
            "-Dmdep.outputFile=" + output);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new RetortException(
            ExitCode.INVALID_INPUT,
            "asking Maven for the project's classpath failed: " + lastLine(log),
            "run 'mvn dependency:build-classpath' to see why, or set entities.classpath");
      }
      Files.move(output, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(output);
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot run Maven to find the project's classpath: " + e.getMessage(),
          "put mvn on the PATH, or set entities.classpath");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String lastLine(String log) {
    String[] lines = log.strip().split("\\R");
    return lines.length == 0 ? "(no output)" : lines[lines.length - 1];
  }

  private static String hash(Path pom) {
    try {
      return CacheDirectory.hash(
          Stream.of(pom.toAbsolutePath().toString(), CacheDirectory.hash(Files.readAllBytes(pom))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A class loader for the entities that sees Retort's Hibernate and JPA classes (so annotations
   * are the same classes Hibernate checks for) and the application's other classes.
   */
  public URLClassLoader classLoader() {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return new URLClassLoader("retort-entities", urls, EntityClasspath.class.getClassLoader());
  }
}
