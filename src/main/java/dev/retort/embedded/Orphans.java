package dev.retort.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Retort processes that were killed (kill -9, a CI job cancelled) or cut short left in
 * Retort's own working directory for embedded servers: a postmaster and data directory outliving
 * their process, or a data directory a start never finished. The next start stops the one and
 * deletes both. Only what nobody uses: a directory this process or another live one owns ({@link
 * OwnedDirectory}), or whose server library's lock a live process holds, is left alone; a
 * postmaster is stopped only when its command line names the directory; a directory without either
 * lock (made by an older Retort, or by a start that has not locked it yet) goes only once nothing
 * in it changed for {@link #GRACE}.
 */
final class Orphans {

  /**
   * How long a data directory nobody has locked may sit unchanged before it counts as left behind:
   * far longer than any start takes between making the directory and locking it (initdb), and the
   * embedded server library's own rule.
   */
  static final Duration GRACE = Duration.ofMinutes(10);

  /** How long an orphaned postmaster gets for a clean stop (SIGTERM) before it is killed. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private Orphans() {}

  /** Stops orphaned servers in {@code home} and deletes the data directories nobody uses. */
  static void sweep(Path home) {
    sweep(home, Instant.now());
  }

  static void sweep(Path home, Instant now) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(home)) {
      entries = list.toList();
    } catch (IOException | RuntimeException e) {
      return; // no working directory yet, or unreadable: nothing to sweep
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (!name.startsWith(EmbeddedServer.DATA_DIRECTORY_PREFIX)) {
        continue;
      }
      try {
        if (Files.isDirectory(entry)) {
          sweepOne(entry, now);
        } else if (name.endsWith(OwnedDirectory.OWNER_SUFFIX)) {
          sweepOwnerFile(entry);
        }
      } catch (IOException | RuntimeException e) {
        // Gone meanwhile (its owner deleted it), or unreadable: the next directory may still go.
      }
    }
  }

  private static void sweepOne(Path directory, Instant now) throws IOException {
    if (OwnedDirectory.ownedHere(directory)) {
      return; // never opened: closing a channel to our own lock file would drop our lock
    }
    Path ownerFile = OwnedDirectory.ownerFile(directory);
    if (Files.exists(ownerFile) && !lockIsFree(ownerFile)) {
      return; // another live Retort process owns it
    }
    Path lockFile = directory.resolve(DataDirectories.LOCK_FILE);
    boolean libraryLocked = Files.exists(lockFile);
    if (libraryLocked && !lockIsFree(lockFile)) {
      return; // its server runs for a live process
    }
    Optional<Postmaster> postmaster =
        Postmaster.of(directory).filter(Postmaster::runsOnItsDirectory);
    if (postmaster.isPresent()) {
      if (!libraryLocked) {
        return; // started by hand, or its owner has not locked it yet: not provably ours to stop
      }
      postmaster.get().terminate();
      if (postmaster.get().awaitStopOrKill(STOP_WAIT)) {
        delete(directory, ownerFile);
      }
      return;
    }
    if (unchangedFor(directory, now)) {
      delete(directory, ownerFile);
    }
  }

  /** An owner file whose directory is gone, left by a process killed while giving it up. */
  private static void sweepOwnerFile(Path ownerFile) throws IOException {
    if (!Files.exists(OwnedDirectory.directoryOf(ownerFile)) && lockIsFree(ownerFile)) {
      Files.deleteIfExists(ownerFile);
    }
  }

  private static void delete(Path directory, Path ownerFile) throws IOException {
    DataDirectories.delete(directory);
    Files.deleteIfExists(ownerFile);
  }

  /**
   * Whether nobody holds the lock on {@code lockFile}: the process that took it is gone (or gave it
   * up). Only ever asked of another process's files (see {@link #sweepOne}).
   */
  private static boolean lockIsFree(Path lockFile) {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // unreadable, or locked within this process: not an orphan we can prove
    }
  }

  /** Whether the directory, and each entry directly in it, is older than {@link #GRACE}. */
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
}
