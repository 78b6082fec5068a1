package dev.retort.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep of Retort's working directory for embedded servers: what a killed or cut-short run left
 * goes, what a live run uses or may be making stays. Locks of other processes are held by a child
 * JVM: locks are per process, so only another process shows what the sweep does to them.
 */
class OrphansTest {

  @TempDir Path home;
  @TempDir Path tools;

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
  void aClusterWhoseFreeLocksWereLeftGoesWithItsOwnerFile() throws Exception {
    Path left = cluster("data-4");
    Files.writeString(left.resolve(DataDirectories.LOCK_FILE), "");
    Path owner = Files.writeString(OwnedDirectory.ownerFile(left), "");
    Orphans.sweep(home, later);
    assertFalse(Files.exists(left));
    assertFalse(Files.exists(owner));
  }

  @Test
  void anOwnerFileWhoseDirectoryIsGoneGoes() throws Exception {
    Path owner = Files.writeString(home.resolve("data-9" + OwnedDirectory.OWNER_SUFFIX), "");
    Orphans.sweep(home, Instant.now());
    assertFalse(Files.exists(owner));
  }

  @Test
  void aDirectoryAnotherLiveProcessOwnsStays() throws Exception {
    Path used = cluster("data-5");
    Path owner = Files.writeString(OwnedDirectory.ownerFile(used), "");
    sweepWhileAnotherProcessHolds(owner);
    assertTrue(Files.isRegularFile(used.resolve("PG_VERSION")), "its owner runs");
    Orphans.sweep(home, later);
    assertFalse(Files.exists(used), "its owner is gone");
  }

  @Test
  void aDirectoryWhoseServerLockAnotherLiveProcessHoldsStays() throws Exception {
    Path used = cluster("data-6");
    sweepWhileAnotherProcessHolds(Files.writeString(used.resolve(DataDirectories.LOCK_FILE), ""));
    assertTrue(Files.isRegularFile(used.resolve("PG_VERSION")), "its server runs");
  }

  /**
   * This process's own directories are never opened: closing any channel to a file drops every lock
   * the process holds on it, and the next sweep of another process would then stop our server.
   */
  @Test
  void aSweepLeavesThisProcesssOwnLocksHeld() throws Exception {
    OwnedDirectory own = OwnedDirectory.create(home);
    try {
      Path lockFile = Files.writeString(own.path().resolve(DataDirectories.LOCK_FILE), "");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Orphans.sweep(home, later);
        assertTrue(Files.isDirectory(own.path()), "ours");
        assertEquals("held", childSays("try", lockFile), "the server library's lock");
        assertEquals("held", childSays("try", OwnedDirectory.ownerFile(own.path())), "the owner");
      }
    } finally {
      own.release();
    }
    assertEquals("free", childSays("try", home.resolve("absent")), "the child tells free apart");
    assertFalse(Files.exists(OwnedDirectory.ownerFile(own.path())), "given up: the file goes");
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

  /** Sweeps while a child process holds the lock on {@code file}. */
  private void sweepWhileAnotherProcessHolds(Path file) throws Exception {
    Process holder = child("hold", file);
    try {
      Orphans.sweep(home, later);
    } finally {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Path cluster(String name) throws Exception {
    Path directory = Files.createDirectories(home.resolve(name).resolve("base").resolve("1"));
    Files.writeString(directory.resolve("1259"), "pages");
    Files.writeString(home.resolve(name).resolve("PG_VERSION"), "17\n");
    return home.resolve(name);
  }

  /**
   * A child JVM that, for "hold", locks the file, says "locked" and waits to be stopped; for "try",
   * says whether the file's lock is "held" by another process or "free" (a missing file is free).
   */
  private Process child(String mode, Path file) throws Exception {
    Path source = tools.resolve("LockProbe.java");
    if (!Files.exists(source)) {
      Files.writeString(
          source,
          String.join(
              "\n",
              "import java.nio.channels.*;",
              "import java.nio.file.*;",
              "public class LockProbe {",
              "  public static void main(String[] a) throws Exception {",
              "    Path file = Path.of(a[1]);",
              "    if (!Files.exists(file)) { System.out.println(\"free\"); return; }",
              "    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {",
              "      FileLock lock = c.tryLock();",
              "      if (a[0].equals(\"try\")) {",
              "        System.out.println(lock == null ? \"held\" : \"free\");",
              "        return;",
              "      }",
              "      System.out.println(\"locked\");",
              "      System.out.flush();",
              "      Thread.sleep(120_000);",
              "    }",
              "  }",
              "}",
              ""));
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), source.toString(), mode, file.toString())
            .redirectErrorStream(true)
            .start();
    if (mode.equals("hold")) {
      assertEquals("locked", firstLine(process), "the child holds the lock");
    }
    return process;
  }

  private String childSays(String mode, Path file) throws Exception {
    Process process = child(mode, file);
    String line = firstLine(process);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return line;
  }

  private static String firstLine(Process process) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return out.readLine();
  }
}
