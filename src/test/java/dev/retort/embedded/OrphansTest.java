package dev.retort.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep of Retort's working directory for embedded servers: what a killed or cut-short run left
 * goes, what a live run uses or may be making stays.
 */
class OrphansTest {

  @TempDir Path home;

  /** Past the grace period of everything made in the test. */
  private final Instant later = Instant.now().plus(Orphans.GRACE).plus(Duration.ofMinutes(1));

  @Test
  void aLeftClusterNobodyLocksGoesOnceItIsOlderThanTheGracePeriod() throws Exception {
    Path left = cluster("data-1");
    Orphans.sweep(home, Instant.now());
    assertTrue(Files.isDirectory(left), "a fresh directory may be another run's start under way");
    Orphans.sweep(home, later);
    assertFalse(Files.exists(left), "left behind");
  }

  @Test
  void aHalfMadeDirectoryWithoutALockGoesToo() throws Exception {
    Path empty = Files.createDirectory(home.resolve("data-2"));
    Path partial = Files.createDirectories(home.resolve("data-3").resolve("pg_stat"));
    Orphans.sweep(home, later);
    assertFalse(Files.exists(empty));
    assertFalse(Files.exists(partial.getParent()));
  }

  @Test
  void aClusterWhoseFreeLockWasLeftGoes() throws Exception {
    Path left = cluster("data-4");
    Files.writeString(left.resolve(DataDirectories.LOCK_FILE), "");
    Orphans.sweep(home, later);
    assertFalse(Files.exists(left));
  }

  @Test
  void aClusterALiveProcessLocksStaysHowever() throws Exception {
    Path used = cluster("data-5");
    Path lockFile = used.resolve(DataDirectories.LOCK_FILE);
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
        FileChannel channel = file.getChannel();
        FileLock lock = channel.lock()) {
      Orphans.sweep(home, later);
      assertTrue(Files.isRegularFile(used.resolve("PG_VERSION")), "its owner runs");
    }
  }

  @Test
  void onlyDataDirectoriesAreSwept() throws Exception {
    Path binaries = Files.createDirectories(home.resolve("PG-0123").resolve("bin"));
    Path file = Files.writeString(home.resolve("data-file"), "not a directory");
    Orphans.sweep(home, later);
    assertTrue(Files.isDirectory(binaries), "the extracted binaries stay");
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void aMissingHomeIsNothingToSweep() {
    Orphans.sweep(home.resolve("absent"), later);
    assertFalse(Files.exists(home.resolve("absent")));
  }

  private Path cluster(String name) throws Exception {
    Path directory = Files.createDirectories(home.resolve(name).resolve("base").resolve("1"));
    Files.writeString(directory.resolve("1259"), "pages");
    Files.writeString(home.resolve(name).resolve("PG_VERSION"), "17\n");
    return home.resolve(name);
  }
}
