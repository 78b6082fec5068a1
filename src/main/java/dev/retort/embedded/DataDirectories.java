package dev.retort.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copying and removing PostgreSQL data directories: the embedded servers' own, and the clusters the
 * caches keep of them.
 */
public final class DataDirectories {

  /** The lock file the embedded server library holds for as long as its owner runs. */
  static final String LOCK_FILE = "epg-lock";

  /** The file a running postmaster keeps in its data directory. */
  static final String PID_FILE = "postmaster.pid";

  /** Files that belong to a running server or its library's lock, never to a kept cluster. */
  private static final List<String> NOT_KEPT = List.of(LOCK_FILE, PID_FILE);

  private DataDirectories() {}

  /**
   * Fills the empty {@code dataDirectory} with a copy of the kept cluster {@code kept}.
   *
   * @return false when it could not be copied (the directory is then empty again)
   */
  public static boolean copyInto(Path kept, Path dataDirectory) {
    try {
      copy(kept, dataDirectory);
      return true;
    } catch (IOException | UncheckedIOException e) {
      empty(dataDirectory);
      return false;
    }
  }

  /**
   * Copies a cluster into the empty directory {@code to}, with its permissions (PostgreSQL refuses
   * a data directory others may read), PG_VERSION last: a copy that has it is complete.
   */
  public static void copy(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = walk.filter(path -> !NOT_KEPT.contains(path.getFileName().toString())).toList();
    }
    Path version = from.resolve("PG_VERSION");
    for (Path path : paths) {
      if (path.equals(from) || path.equals(version)) {
        continue;
      }
      Path target = to.resolve(from.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(path));
      } else {
        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Files.copy(version, to.resolve("PG_VERSION"), StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** Whether {@code directory} holds a complete cluster no server runs on. */
  public static boolean stoppedCluster(Path directory) {
    return Files.isRegularFile(directory.resolve("PG_VERSION"))
        && !Files.exists(directory.resolve(PID_FILE));
  }

  /** Removes what {@code directory} holds, leaving it empty. */
  private static void empty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      entries.forEach(DataDirectories::delete);
    } catch (IOException | UncheckedIOException e) {
      // The directory is the caller's temporary one; initdb refuses it if anything is left.
    }
  }

  /** Removes a directory tree, as much of it as can be: what is left costs only disk space. */
  public static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a temporary directory, or a cache, which only costs time.
    }
  }
}
