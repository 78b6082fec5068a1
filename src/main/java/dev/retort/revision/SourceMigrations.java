package dev.retort.revision;

import dev.retort.compiler.JavaSources;
import dev.retort.compiler.SourceCompiler;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Migrations kept as Java sources in a directory, compiled in-process, then loaded. */
public final class SourceMigrations implements MigrationSource {

  private final Path directory;
  private final List<Path> classpath;
  private final SourceCompiler compiler;

  /**
   * @param classpath extra entries migrations may use (the application's classes), may be empty
   */
  public SourceMigrations(Path directory, List<Path> classpath, SourceCompiler compiler) {
    this.directory = directory;
    this.classpath = List.copyOf(classpath);
    this.compiler = compiler;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  @Override
  public boolean exists() {
    return Files.isDirectory(directory);
  }

  @Override
  public List<MigrationScript> load() {
    List<Path> sources = JavaSources.in(directory, false);
    if (sources.isEmpty()) {
      return List.of();
    }
    Path classes = compiler.compile(SourceCompiler.Kind.MIGRATIONS, sources, classpath);
    URLClassLoader loader = new URLClassLoader(urls(List.of(classes)), parentLoader());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
        name = name.substring(0, name.length() - ".class".length());
        if (!name.contains("$")) {
          types.add(Class.forName(name, false, loader));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "cannot load the compiled migrations from " + classes + ": " + e,
          "delete " + classes + " and run the command again",
          e);
    }
    return MigrationClasses.scripts(types, this::sourceOf);
  }

  private String sourceOf(Class<?> type) {
    Path file = directory.resolve(type.getSimpleName() + ".java");
    if (!Files.exists(file)) {
      return type.getName();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
  }

  private ClassLoader parentLoader() {
    ClassLoader retort = Migration.class.getClassLoader();
    return classpath.isEmpty() ? retort : new URLClassLoader(urls(classpath), retort);
  }

  private static URL[] urls(List<Path> paths) {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = paths.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return urls;
  }
}
