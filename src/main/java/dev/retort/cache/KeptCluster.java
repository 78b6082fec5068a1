package dev.retort.cache;

import dev.retort.digest.Digests;
import dev.retort.embedded.ClusterTemplate;
import dev.retort.embedded.DataDirectories;
import dev.retort.embedded.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The embedded server's initialized cluster, kept in the cache directory: the next start copies it
 * (tens of milliseconds) instead of running initdb (a second or more on a busy machine). One per
 * build of Retort and its PostgreSQL binaries; a kept cluster the server refuses anyway (damaged)
 * is forgotten by the server's start and made again.
 */
public final class KeptCluster implements ClusterTemplate {

  private final Path clusters;
  private final Path kept;

  public KeptCluster(Path cacheRoot) {
    this.clusters = cacheRoot.resolve("clusters");
    this.kept =
        clusters.resolve(
            Digests.of(Stream.of(RetortBuild.id(), EmbeddedServer.binaries())).substring(0, 16));
  }

  @Override
  public boolean copyInto(Path dataDirectory) {
    return DataDirectories.stoppedCluster(kept) && DataDirectories.copyInto(kept, dataDirectory);
  }

  @Override
  public void keep(Path dataDirectory) {
    if (Files.exists(kept)) {
      return;
    }
    Path writing = null;
    try {
      Files.createDirectories(clusters);
      writing = Files.createTempDirectory(clusters, "writing-");
      DataDirectories.copy(dataDirectory, writing);
      // Another run may have kept one meanwhile: either is as good, and the move is atomic.
      Files.move(writing, kept, StandardCopyOption.ATOMIC_MOVE);
      writing = null;
      removeOthers();
    } catch (FileAlreadyExistsException e) {
      // Kept by a run beside this one.
    } catch (IOException | UncheckedIOException e) {
      // A cluster that cannot be kept only costs the next start its initdb.
    } finally {
      if (writing != null) {
        DataDirectories.delete(writing);
      }
    }
  }

  @Override
  public void discard() {
    Path doomed = clusters.resolve("discarding-" + ProcessHandle.current().pid());
    try {
      Files.move(kept, doomed, StandardCopyOption.ATOMIC_MOVE);
      DataDirectories.delete(doomed);
    } catch (IOException e) {
      // Gone already, or discarded by another run.
    }
  }

  /** Clusters other builds kept: a build's binaries never come back once it is replaced. */
  private void removeOthers() throws IOException {
    try (Stream<Path> entries = Files.list(clusters)) {
      for (Path other : entries.filter(path -> !path.equals(kept)).toList()) {
        if (!other.getFileName().toString().startsWith("writing-")) {
          DataDirectories.delete(other);
        }
      }
    }
  }
}
