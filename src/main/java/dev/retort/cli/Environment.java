package dev.retort.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command runs in: streams, environment variables, working directory. */
public record Environment(
    PrintStream out, PrintStream err, Map<String, String> variables, Path workingDir) {

  /** A path as the user would like to read it: relative to the working directory when inside. */
  public String display(Path file) {
    return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
  }

  public static Environment system() {
    return new Environment(System.out, System.err, System.getenv(), Path.of("").toAbsolutePath());
  }
}
