package dev.retort.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A data directory this process made for an embedded server, and how other processes' sweeps
 * ({@link Orphans}) know it is in use: a lock this process holds on a file beside it (not in it:
 * initdb wants an empty directory), from the moment the directory exists until it is deleted or
 * handed to a cache. This process's own sweeps know their directories by name and never open their
 * locks: a Java process that closes any channel to a file loses every lock it holds on that file.
 */
final class OwnedDirectory {

  /** What the owner file beside a data directory adds to its name. */
  static final String OWNER_SUFFIX = ".owner";

  private static final Set<Path> OWNED_HERE = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final FileChannel channel;

  private OwnedDirectory(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Makes a new, empty data directory in {@code home}, owned by this process. */
  static OwnedDirectory create(Path home) throws IOException {
    Path path = Files.createTempDirectory(home, EmbeddedServer.DATA_DIRECTORY_PREFIX);
    OWNED_HERE.add(path.toAbsolutePath());
    try {
      FileChannel channel =
          FileChannel.open(ownerFile(path), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IOException("cannot lock " + ownerFile(path));
      }
      return new OwnedDirectory(path, channel);
    } catch (IOException | RuntimeException e) {
      OWNED_HERE.remove(path.toAbsolutePath());
      DataDirectories.delete(path);
      throw e;
    }
  }

  Path path() {
    return path;
  }

  /**
   * Gives the directory up: it is deleted, or handed to a cache. The owner file goes first, so a
   * sweep that finds the lock free no longer finds the file either.
   */
  void release() {
    try {
      Files.deleteIfExists(ownerFile(path));
    } catch (IOException e) {
      // An owner file left unlocked is swept with its directory, or alone once that is gone.
    }
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // Closed or not, the lock dies with the channel or with the process.
    }
    OWNED_HERE.remove(path.toAbsolutePath());
  }

  /** Whether this process made {@code directory} and has not given it up. */
  static boolean ownedHere(Path directory) {
    return OWNED_HERE.contains(directory.toAbsolutePath());
  }

  /** The owner file beside {@code directory}. */
  static Path ownerFile(Path directory) {
    return directory.resolveSibling(directory.getFileName() + OWNER_SUFFIX);
  }

  /** The directory an owner file stands beside (whether or not it still exists). */
  static Path directoryOf(Path ownerFile) {
    String name = ownerFile.getFileName().toString();
    return ownerFile.resolveSibling(name.substring(0, name.length() - OWNER_SUFFIX.length()));
  }
}
