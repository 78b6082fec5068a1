package dev.retort.revision;

import dev.retort.ExitCode;
import dev.retort.RetortException;
import dev.retort.migration.Migration;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Migrations kept as Java sources in a directory, compiled in-process. Compiled classes are cached
 * under a key made of every source's content, Retort's own build and the extra classpath, so an
 * unchanged directory is never compiled twice.
 */
public final class SourceMigrations {

  private final Path directory;
  private final List<Path> classpath;
  private final Path cacheRoot;

  /**
   * @param classpath extra entries migrations may use (the application's classes), may be empty
   * @param cacheRoot where compiled classes are kept
   */
  public SourceMigrations(Path directory, List<Path> classpath, Path cacheRoot) {
    this.directory = directory;
    this.classpath = List.copyOf(classpath);
    this.cacheRoot = cacheRoot;
  }

  /** The default cache location: {@code $RETORT_CACHE_DIR}, else {@code ~/.cache/retort}. */
  public static Path defaultCacheRoot() {
    String explicit = System.getenv("RETORT_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("retort");
  }

  public Path directory() {
    return directory;
  }

  public List<MigrationScript> load() {
    List<Path> sources = sources();
    if (sources.isEmpty()) {
      return List.of();
    }
    Path classes = compiled(sources);
    URLClassLoader loader = new URLClassLoader(urls(classes), parentLoader());
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
    return Files.exists(file) ? displayPath(file) : type.getName();
  }

  private static String displayPath(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
  }

  private List<Path> sources() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ClassLoader parentLoader() {
    ClassLoader retort = Migration.class.getClassLoader();
    if (classpath.isEmpty()) {
      return retort;
    }
    return new URLClassLoader(urls(classpath.toArray(Path[]::new)), retort);
  }

  private static URL[] urls(Path... paths) {
    return urls(List.of(paths));
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

  /** The directory of compiled classes for these sources, compiling them if not cached. */
  private Path compiled(List<Path> sources) {
    Path target = cacheRoot.resolve("migrations").resolve(cacheKey(sources));
    if (Files.isDirectory(target)) {
      return target;
    }
    Path staging;
    try {
      Files.createDirectories(target.getParent());
      staging = Files.createTempDirectory(target.getParent(), "compiling-");
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot create the compile cache in " + target.getParent() + ": " + e.getMessage(),
          "set RETORT_CACHE_DIR to a writable directory",
          e);
    }
    compile(sources, staging);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another process cached the same sources first; its result is identical.
      deleteRecursively(staging);
    } catch (IOException e) {
      if (!Files.isDirectory(target)) {
        throw new UncheckedIOException(e);
      }
      deleteRecursively(staging);
    }
    return target;
  }

  private void compile(List<Path> sources, Path output) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "compiling migrations needs a JDK, but this Java (" + System.getProperty("java.home")
              + ") has no compiler",
          "run Retort with a JDK 17 or newer, or put compiled migrations on the classpath");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d", output.toString(),
              "-classpath", compileClasspath(),
              "-proc:none",
              "-encoding", "UTF-8",
              "--release", "17",
              "-nowarn",
              "-implicit:none");
      Boolean ok =
          compiler
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      if (!Boolean.TRUE.equals(ok)) {
        deleteRecursively(output);
        throw compileError(diagnostics.getDiagnostics());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String compileClasspath() {
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("java.class.path"));
    classpath.forEach(p -> entries.add(p.toString()));
    return entries.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(File.pathSeparator));
  }

  private static RetortException compileError(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    if (errors.isEmpty()) {
      return new RetortException(
          ExitCode.MIGRATION_FAILED, "the migrations do not compile", "run javac on them to see why");
    }
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    String file = first.getSource() == null ? "?" : Path.of(first.getSource().toUri()).getFileName().toString();
    String[] lines = first.getMessage(Locale.ROOT).split("\\R");
    String message = lines[0];
    if (lines.length > 1) {
      List<String> details = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          details.add(lines[i].trim());
        }
      }
      message += " (" + String.join(", ", details) + ")";
    }
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "";
    return new RetortException(
        ExitCode.MIGRATION_FAILED,
        "migration " + file + " does not compile: line " + first.getLineNumber() + ": " + message + more
            + "; nothing was run",
        "fix " + file + " and run the command again");
  }

  private String cacheKey(List<Path> sources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, "retort-migrations-v1");
      update(digest, System.getProperty("java.specification.version"));
      update(digest, retortBuild());
      for (Path entry : classpath) {
        update(digest, entry.toString());
      }
      for (Path source : sources) {
        update(digest, source.getFileName().toString());
        digest.update(Files.readAllBytes(source));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Identifies Retort's own build, so a new Retort never reuses classes compiled by an old one. */
  private static String retortBuild() {
    try {
      URL location = Migration.class.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      Path marker = Files.isDirectory(path) ? path.resolve("dev/retort/migration/Migration.class") : path;
      return path + "@" + Files.getLastModifiedTime(marker).toMillis() + "/" + Files.size(marker);
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // A stale staging directory is harmless: its name is never reused.
    }
  }
}
