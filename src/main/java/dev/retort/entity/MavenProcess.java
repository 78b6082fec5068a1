package dev.retort.entity;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks Maven ({@code mvn dependency:build-classpath}) for a project's classpath. */
public final class MavenProcess implements MavenDependencies {

  @Override
  public List<Path> runtimeClasspath(Path pom) {
    Path output = null;
    try {
      output = Files.createTempFile("retort-classpath-", ".txt");
      List<String> command =
          List.of(
              "mvn",
              "-q",
              "-B",
              "-f",
              pom.toString(),
              "dependency:build-classpath",
              "-Dmdep.includeScope=runtime",
              "-Dmdep.outputFile=" + output);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new RetortException(
            ExitCode.INVALID_INPUT,
            "asking Maven for the project's classpath failed: " + lastLine(log),
            "run 'mvn dependency:build-classpath' to see why, or set entities.classpath");
      }
      List<Path> entries = new ArrayList<>();
      for (String entry :
          Files.readString(output, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(Path.of(entry));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot run Maven to find the project's classpath: " + e.getMessage(),
          "put mvn on the PATH, or set entities.classpath");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // A leftover temporary file is harmless.
        }
      }
    }
  }

  private static String lastLine(String log) {
    String[] lines = log.strip().split("\\R");
    return lines.length == 0 ? "(no output)" : lines[lines.length - 1];
  }
}
