package dev.retort.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The postmaster running on a data directory, as its pid file names it: how Retort waits for one to
 * stop, and kills one that will not, whether it is its own server's or an orphan's.
 */
final class Postmaster {

  /** How long a killed postmaster may take to exit before its directory is left to a sweep. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Path dataDirectory;
  private final ProcessHandle process;

  private Postmaster(Path dataDirectory, ProcessHandle process) {
    this.dataDirectory = dataDirectory;
    this.process = process;
  }

  /** The postmaster running on {@code dataDirectory}, from the pid file it keeps there. */
  static Optional<Postmaster> of(Path dataDirectory) {
    try {
      List<String> lines =
          Files.readAllLines(
              dataDirectory.resolve(DataDirectories.PID_FILE), StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
          .map(process -> new Postmaster(dataDirectory, process));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether its command line runs on exactly this data directory: a pid file left behind may name a
   * pid another process has since been given.
   */
  boolean runsOnItsDirectory() {
    String option = "-D " + dataDirectory.toAbsolutePath();
    return process
        .info()
        .commandLine()
        .map(line -> line.endsWith(option) || line.contains(option + " "))
        .orElse(false);
  }

  /** Asks it to stop (SIGTERM: a smart shutdown, the server's own clean stop). */
  void terminate() {
    process.destroy();
  }

  /**
   * Waits up to {@code wait} for it to finish stopping, then kills it (SIGKILL); whether it ended.
   */
  boolean awaitStopOrKill(Duration wait) {
    return awaitStopped(wait) || kill();
  }

  /** Kills it (SIGKILL); whether it then exited. */
  boolean kill() {
    return process.destroyForcibly() && awaitExit(KILL_WAIT);
  }

  /**
   * Whether it finished within {@code wait}: it removed its pid file, its last act once everything
   * is written, or it is gone. Polled, and on the pid file first: where nothing reaps orphans
   * promptly (containers, some CI runners), an exited postmaster stays a zombie, alive to the
   * process API, for a second or more.
   */
  private boolean awaitStopped(Duration wait) {
    Path pidFile = dataDirectory.resolve(DataDirectories.PID_FILE);
    long deadline = System.nanoTime() + wait.toNanos();
    while (Files.exists(pidFile) && process.isAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Whether it exited within {@code wait} (a killed postmaster leaves its pid file). */
  private boolean awaitExit(Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
