package dev.retort.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Retort processes that were killed (kill -9, a CI job cancelled) or cut short left in
 * Retort's own working directory for embedded servers: a postmaster and data directory outliving
 * their process, or a data directory a start never finished. The next start stops the one and
 * deletes both. Only Retort's own, and only what nobody uses: a directory whose lock a live process
 * holds is skipped; a postmaster is stopped only when its command line names the directory; a
 * directory with no lock yet (its start may be under way in another process) only once nothing in
 * it changed for {@link #GRACE}.
 */
final class Orphans {

  /**
   * How long a data directory nobody has locked may sit unchanged before it counts as left behind:
   * far longer than any start takes between making the directory and locking it (initdb), and the
   * embedded server library's own rule.
   */
  static final Duration GRACE = Duration.ofMinutes(10);

  private Orphans() {}

  /** Stops orphaned servers in {@code home} and deletes the data directories nobody uses. */
  static void sweep(Path home) {
    sweep(home, Instant.now());
  }

  static void sweep(Path home, Instant now) {
    if (!Files.isDirectory(home)) {
      return;
    }
    try (Stream<Path> entries = Files.list(home)) {
      for (Path directory : entries.filter(Orphans::isDataDirectory).toList()) {
        sweepOne(directory, now);
      }
    } catch (IOException | RuntimeException e) {
      // Cleaning up after others is best effort; it must never stop this run.
    }
  }

  private static boolean isDataDirectory(Path path) {
    return Files.isDirectory(path)
        && path.getFileName().toString().startsWith(EmbeddedServer.DATA_DIRECTORY_PREFIX);
  }

  private static void sweepOne(Path directory, Instant now) throws IOException {
    Path lockFile = directory.resolve(DataDirectories.LOCK_FILE);
    boolean locked = Files.exists(lockFile);
    if (locked && !lockIsFree(lockFile)) {
      return; // its owner runs
    }
    if (Files.exists(directory.resolve(DataDirectories.PID_FILE))) {
      Optional<ProcessHandle> postmaster = postmaster(directory);
      if (postmaster.isPresent()) {
        if (!locked) {
          return; // started by hand, or its owner has not locked it yet: not provably ours to stop
        }
        if (terminate(postmaster.get())) {
          DataDirectories.delete(directory);
        }
        return;
      }
    }
    if (unchangedFor(directory, now)) {
      DataDirectories.delete(directory);
    }
  }

  /** Whether nobody holds the lock: the process that took it is gone (or closed its server). */
  private static boolean lockIsFree(Path lockFile) {
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

  /** Whether the directory, and each file directly in it, is older than {@link #GRACE}. */
  private static boolean unchangedFor(Path directory, Instant now) throws IOException {
    Instant cutoff = now.minus(GRACE);
    List<Path> paths;
    try (Stream<Path> entries = Files.list(directory)) {
      paths = Stream.concat(Stream.of(directory), entries).toList();
    }
    for (Path path : paths) {
      if (!Files.getLastModifiedTime(path).toInstant().isBefore(cutoff)) {
        return false;
      }
    }
    return true;
  }

  /** The running postmaster of a data directory, if its command line names that directory. */
  private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
    String directory = dataDirectory.toAbsolutePath().toString();
    return EmbeddedServer.postmasterOf(dataDirectory)
        .filter(
            p ->
                p.info().commandLine().map(line -> line.contains(directory)).orElse(false)
                    || p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(directory))
                        .orElse(false));
  }

  /** Stops a postmaster; false when it still runs (its directory then goes at a later sweep). */
  private static boolean terminate(ProcessHandle postmaster) {
    postmaster.destroy(); // SIGTERM: a smart shutdown, the server's own clean stop
    if (EmbeddedServer.awaitExit(postmaster)) {
      return true;
    }
    postmaster.destroyForcibly();
    return EmbeddedServer.awaitExit(postmaster);
  }
}
