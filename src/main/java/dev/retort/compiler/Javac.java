package dev.retort.compiler;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
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
 * Compiles Java sources in-process (javax.tools) into a fresh directory, removed when the JVM
 * exits. {@code cache.CachedCompiler} keeps results between runs instead.
 */
public final class Javac implements SourceCompiler {

  @Override
  public Path compile(Kind kind, List<Path> sources, List<Path> classpath) {
    Path output;
    try {
      output = Files.createTempDirectory("retort-" + kind.folder() + "-");
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot create a directory for compiled " + kind.noun() + "s: " + e.getMessage(),
          "set java.io.tmpdir (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=...) to a writable directory",
          e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(output)));
    compileInto(kind, sources, classpath, output);
    return output;
  }

  /** Compiles into {@code output}; on failure {@code output} is removed and the error thrown. */
  public static void compileInto(Kind kind, List<Path> sources, List<Path> classpath, Path output) {
    run(kind, sources, classpath, output);
  }

  private static void run(Kind kind, List<Path> sources, List<Path> classpath, Path output) {
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
              compileClasspath(classpath),
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
        throw compileError(kind, diagnostics.getDiagnostics(), output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String compileClasspath(List<Path> classpath) {
    List<String> entries = new ArrayList<>();
    entries.add(System.getProperty("java.class.path"));
    // Retort's own classes (the migration API): on the JVM's class path when Retort is the
    // program, but in a plugin class loader when Maven runs it, where java.class.path is Maven's.
    entries.add(retortLocation());
    classpath.forEach(p -> entries.add(p.toString()));
    return entries.stream()
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String retortLocation() {
    CodeSource source = Javac.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return "";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "";
    }
  }

  private static RetortException compileError(
      Kind kind, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path output) {
    List<Diagnostic<? extends JavaFileObject>> errors =
        diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      String message = error.getMessage(Locale.ROOT);
      if (message.contains("error while writing")) {
        // The sources are fine: the classes cannot be written (a full or read-only disk).
        return new RetortException(
            ExitCode.INVALID_INPUT,
            "cannot write the compiled "
                + kind.noun()
                + "s to "
                + output.getParent()
                + ": "
                + message.replaceAll("\\s+", " ").trim(),
            "free space there, or set RETORT_CACHE_DIR to a writable directory with space");
      }
    }
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

  /** Removes a directory tree; a directory that cannot be removed is left, harmlessly. */
  public static void deleteRecursively(Path root) {
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
