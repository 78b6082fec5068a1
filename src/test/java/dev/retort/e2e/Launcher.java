package dev.retort.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the packaged {@code target/retort} launcher as a user would. */
final class Launcher {

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Path workingDir;
  private final Map<String, String> environment = new HashMap<>();

  Launcher(Path workingDir) {
    this.workingDir = workingDir;
    environment.put("RETORT_CACHE_DIR", workingDir.resolve(".retort-cache").toString());
    environment.put("NO_COLOR", "1");
  }

  static Path launcher() {
    String path = System.getProperty("retort.launcher");
    if (path == null) {
      path = "target/retort";
    }
    Path launcher = Path.of(path).toAbsolutePath();
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is missing: run 'mvn package' first");
    }
    return launcher;
  }

  Launcher env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("RETORT_") || k.startsWith("PG") || k.equals("DATABASE_URL"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  Result run(List<String> prefix, String... args) throws Exception {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(args));
    return finish(start(all));
  }

  Result run(String... args) throws Exception {
    return finish(start(List.of(args)));
  }

  static Result finish(Process process) throws Exception {
    var out = process.getInputStream();
    var err = process.getErrorStream();
    var outText = new CompletableFuture<String>();
    var errText = new CompletableFuture<String>();
    new Thread(() -> outText.complete(read(out))).start();
    new Thread(() -> errText.complete(read(err))).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("retort did not finish within 180 s");
    }
    return new Result(process.exitValue(), outText.get(), errText.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<" + e + ">";
    }
  }

  /** Copies a directory tree, as a test's own copy of a sample. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
