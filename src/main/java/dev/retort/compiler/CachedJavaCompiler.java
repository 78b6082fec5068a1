package dev.retort.compiler;

import dev.retort.ExitCode;
import dev.retort.RetortException;
import dev.retort.cache.CacheDirectory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * Compiles Java sources in-process (javax.tools) into a cache directory keyed by every source's
 * content, Retort's own build and the classpath, so unchanged sources are never compiled twice and
 * concurrent processes never see a half-written result.
 */
public final class CachedJavaCompiler {

  /** What is being compiled, for the cache layout and for messages. */
  public record Kind(String cacheFolder, String noun, ExitCode exitCode) {
    public static final Kind MIGRATIONS =
        new Kind("migrations", "migration", ExitCode.MIGRATION_FAILED);
    public static final Kind ENTITIES =
        new Kind("entities", "entity source", ExitCode.INVALID_INPUT);
  }

  private final Path cacheRoot;
  private final Kind kind;
  private final List<Path> classpath;

  /**
   * @param classpath entries the sources may use besides Retort's own (the application's).
   */
  public CachedJavaCompiler(Path cacheRoot, Kind kind, List<Path> classpath) {
    this.cacheRoot = cacheRoot;
    this.kind = kind;
    this.classpath = List.copyOf(classpath);
  }

  /**
   * The {@code .java} files of a directory, sorted; with {@code recursive}, of its subdirectories
   * too.
   */
  public static List<Path> javaFiles(Path directory, boolean recursive) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding the compiled classes of {@code sources}, compiling them if needed. */
  public Path compile(List<Path> sources) {
    Path target = cacheRoot.resolve(kind.cacheFolder()).resolve(cacheKey(sources));
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
    run(sources, staging);
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

  private void run(List<Path> sources, Path output) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new RetortException(
          kind.exitCode(),
          "compiling "
              + kind.noun()
              + "s needs a JDK, but this Java ("
              + System.getProperty("java.home")
              + ") has no compiler",
          "run Retort with a JDK 17 or newer");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              output.toString(),
              "-classpath",
              compileClasspath(),
              "-proc:none",
              "-encoding",
              "UTF-8",
              "--release",
              "17",
              "-nowarn",
              "-implicit:none");
      Boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
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
    return entries.stream()
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private RetortException compileError(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    if (errors.isEmpty()) {
      return new RetortException(
          kind.exitCode(),
          "the " + kind.noun() + "s do not compile",
          "run javac on them to see why");
    }
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    String file =
        first.getSource() == null
            ? "?"
            : Path.of(first.getSource().toUri()).getFileName().toString();
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
        kind.exitCode(),
        kind.noun()
            + " "
            + file
            + " does not compile: line "
            + first.getLineNumber()
            + ": "
            + message
            + more
            + "; nothing was run",
        "fix " + file + " and run the command again");
  }

  private String cacheKey(List<Path> sources) {
    List<String> parts =
        new ArrayList<>(
            List.of(
                "retort-" + kind.cacheFolder() + "-v1",
                System.getProperty("java.specification.version"),
                dev.retort.RetortBuild.id()));
    classpath.forEach(entry -> parts.add(entry.toString()));
    try {
      for (Path source : sources) {
        parts.add(source + "|" + CacheDirectory.hash(Files.readAllBytes(source)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CacheDirectory.hash(parts.stream());
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
