package dev.retort.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Embedded servers left behind by a Retort process that was killed (kill -9, a CI job cancelled):
 * its postmaster and data directory outlive it. The next start finds them and stops them. Only
 * Retort's own: they live in Retort's own working directory, their process that took the data
 * directory's lock is gone (the lock is free), and the postmaster's command line names that data
 * directory.
 */
final class Orphans {

  private Orphans() {}

  static void stop(Path home) {
    if (!Files.isDirectory(home)) {
      return;
    }
    try (Stream<Path> entries = Files.list(home)) {
      for (Path dataDirectory : entries.filter(Files::isDirectory).toList()) {
        if (Files.exists(dataDirectory.resolve(DataDirectories.PID_FILE))
            && ownerIsGone(dataDirectory)) {
          postmaster(dataDirectory).ifPresent(Orphans::terminate);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning up after others is best effort; it must never stop this run.
    }
  }

  /** Whether the process that started the server is gone: its lock on the directory is free. */
  private static boolean ownerIsGone(Path dataDirectory) {
    Path lockFile = dataDirectory.resolve(DataDirectories.LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
        FileChannel channel = file.getChannel()) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // held by this very process, or unreadable: not an orphan we can prove
    }
  }

  /** The running postmaster of a data directory, if its command line names that directory. */
  private static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
    List<String> lines =
        Files.readAllLines(dataDirectory.resolve(DataDirectories.PID_FILE), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    String directory = dataDirectory.toAbsolutePath().toString();
    return process.filter(
        p ->
            p.info().commandLine().map(line -> line.contains(directory)).orElse(false)
                || p.info()
                    .arguments()
                    .map(a -> String.join(" ", a).contains(directory))
                    .orElse(false));
  }

  private static void terminate(ProcessHandle postmaster) {
    postmaster.destroy(); // SIGTERM: a smart shutdown, the server's own clean stop
    try {
      postmaster.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      postmaster.destroyForcibly();
    }
  }
}
