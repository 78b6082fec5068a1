package dev.retort.cache;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where Retort keeps compiled migrations and models between runs: {@code $RETORT_CACHE_DIR} as
 * given, else the first writable of {@code $XDG_CACHE_HOME/retort}, {@code $HOME/.cache/retort} and
 * the account's home. An account without a writable home (a service user, {@code nobody}) still
 * works: it gets a private temporary directory for the run, which only costs time.
 */
public final class CacheLocation {

  private CacheLocation() {}

  /**
   * @param environment the process environment (a parameter so tests can choose it)
   */
  public static Path resolve(Map<String, String> environment) {
    return resolve(environment, System.getProperty("user.home"));
  }

  /**
   * @param userHome the JVM's idea of the home directory, tried after {@code HOME}
   */
  static Path resolve(Map<String, String> environment, String userHome) {
    String explicit = environment.get("RETORT_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    List<Path> candidates = new ArrayList<>();
    addIfSet(candidates, environment.get("XDG_CACHE_HOME"), "retort");
    addIfSet(candidates, environment.get("HOME"), ".cache/retort");
    addIfSet(candidates, userHome, ".cache/retort");
    for (Path candidate : candidates) {
      if (writable(candidate)) {
        return candidate;
      }
    }
    return temporaryForThisRun();
  }

  private static void addIfSet(List<Path> candidates, String base, String child) {
    if (base != null && !base.isBlank()) {
      candidates.add(Path.of(base).resolve(child));
    }
  }

  private static boolean writable(Path directory) {
    try {
      Files.createDirectories(directory);
      return Files.isWritable(directory);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Private (created with the owner's permissions only) rather than a fixed shared name, which
   * another account could prepare with classes of its own.
   */
  private static Path temporaryForThisRun() {
    try {
      Path directory = Files.createTempDirectory("retort-cache-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
      return directory;
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "no writable directory for Retort's cache (not under XDG_CACHE_HOME, HOME or the temporary directory)",
          "set RETORT_CACHE_DIR to a writable directory",
          e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // Left in the temporary directory, which the system cleans.
    }
  }
}
