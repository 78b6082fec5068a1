package dev.retort.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, capturing what it prints. */
final class CliRunner {

  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
  }

  private final Path workingDir;
  private final Map<String, String> environment = new HashMap<>();

  CliRunner(Path workingDir) {
    this.workingDir = workingDir;
    environment.put("RETORT_CACHE_DIR", workingDir.resolve(".cache").toString());
  }

  CliRunner env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  Result run(List<String> prefix, String... args) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = Main.run(args, new Environment(o, e, Map.copyOf(environment), workingDir), null);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
