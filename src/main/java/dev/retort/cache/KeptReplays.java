package dev.retort.cache;

import dev.retort.digest.Digests;
import dev.retort.embedded.ClusterTemplate;
import dev.retort.embedded.DataDirectories;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded server's data directory after {@code check} replayed the migrations and their
 * downgrade test passed, kept by the migrations' contents: when none of them changed, the next
 * {@code check} starts on a copy of it instead of replaying them all and testing the downgrade
 * again (for a large model, most of a CI check's time). Any change to any migration, to Retort or
 * to the replay's settings is another key.
 */
public final class KeptReplays {

  /** A few: the branches a developer moves between. Each is a whole cluster. */
  private static final int KEEP = 2;

  private static final String CLUSTER = "cluster";
  private static final String REPLAY = "replay.bin";

  /**
   * A kept replay.
   *
   * @param cluster starts a server on the replayed cluster
   * @param atStart the catalog where the downgrade test started
   * @param newest how many migrations led from there to the heads
   */
  public record Kept(ClusterTemplate cluster, Schema atStart, int newest) {}

  private final Path replays;

  public KeptReplays(Path cacheRoot) {
    this.replays = cacheRoot.resolve("replays");
  }

  /**
   * The key of a replay of migrations that are described by {@code parts} (each migration's
   * revision, parents and content; the settings the replay depends on).
   */
  public static String key(Stream<String> parts) {
    return Digests.of(Stream.concat(Stream.of(RetortBuild.id(), EmbeddedServer.binaries()), parts))
        .substring(0, 24);
  }

  /** The replay kept under {@code key}, or null. */
  public Kept find(String key) {
    Path entry = replays.resolve(key);
    if (!DataDirectories.stoppedCluster(entry.resolve(CLUSTER))) {
      return null;
    }
    Kept kept =
        new CacheDirectory(entry, 1)
            .read(REPLAY, in -> new Kept(template(entry), SchemaCodec.schema(in), in.readInt()));
    if (kept != null) {
      touch(entry);
    }
    return kept;
  }

  /**
   * Keeps the stopped server's {@code dataDirectory} (moved when it can be, else copied; either way
   * the caller no longer owns it) under {@code key}.
   */
  public void keep(String key, Path dataDirectory, Schema atStart, int newest) {
    if (!DataDirectories.stoppedCluster(dataDirectory)) {
      DataDirectories.delete(dataDirectory);
      return;
    }
    Path writing = null;
    try {
      Files.createDirectories(replays);
      writing = Files.createTempDirectory(replays, "writing-");
      moveOrCopy(dataDirectory, writing.resolve(CLUSTER));
      new CacheDirectory(writing, 1)
          .write(
              REPLAY,
              out -> {
                SchemaCodec.schema(out, atStart);
                out.writeInt(newest);
              });
      Path entry = replays.resolve(key);
      if (Files.exists(entry) && !DataDirectories.stoppedCluster(entry.resolve(CLUSTER))) {
        // The entry a check took its cluster from (see template): this is that cluster back.
        DataDirectories.delete(entry);
      }
      if (!Files.exists(entry)) {
        Files.move(writing, entry, StandardCopyOption.ATOMIC_MOVE);
        writing = null;
      }
      prune();
    } catch (IOException | UncheckedIOException e) {
      // A replay that cannot be kept only costs the next check its replay.
    } finally {
      if (writing != null) {
        DataDirectories.delete(writing);
      }
      DataDirectories.delete(dataDirectory);
    }
  }

  private static void moveOrCopy(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Another file system (the temporary directory apart from the cache): copy.
      Files.createDirectories(to);
      DataDirectories.copy(from, to);
    }
  }

  /**
   * Starts a server on the entry's cluster itself, taken out of the cache (a rename, where the
   * cache and the temporary directory share a file system; else a copy): copying a replayed cluster
   * cost most of a check that reused it. The check gives it back through {@link #keep} once its
   * server stopped; a check that ends otherwise loses it, and the next one replays. A cluster the
   * server refuses is forgotten.
   */
  private static ClusterTemplate template(Path entry) {
    return new ClusterTemplate() {
      @Override
      public boolean copyInto(Path dataDirectory) {
        Path cluster = entry.resolve(CLUSTER);
        try {
          // Onto the empty directory the server was given: one rename, or nothing at all.
          Files.move(
              cluster,
              dataDirectory,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
          return true;
        } catch (IOException e) {
          // Another file system, or another check took it meanwhile: copy what is still there.
          return Files.isDirectory(cluster) && DataDirectories.copyInto(cluster, dataDirectory);
        }
      }

      @Override
      public void keep(Path dataDirectory) {
        // A fresh cluster is not a replay; the plain kept cluster is another cache's.
      }

      @Override
      public void discard() {
        DataDirectories.delete(entry);
      }
    };
  }

  /** Keeps the most recently used entries. */
  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(replays)) {
      entries =
          list.filter(path -> !path.getFileName().toString().startsWith("writing-"))
              .sorted(Comparator.comparing(KeptReplays::modified).reversed())
              .toList();
    }
    for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
      DataDirectories.delete(old);
    }
  }

  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // Only the pruning order suffers.
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
