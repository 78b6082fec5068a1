package dev.retort.workspace;

import dev.retort.cache.KeptReplays;
import dev.retort.config.RetortConfig;
import dev.retort.digest.Digests;
import dev.retort.embedded.ClusterTemplate;
import dev.retort.embedded.ScratchServer;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code check} with no database, when the migrations are as they were at an earlier check whose
 * downgrade test passed: it starts on that check's replayed cluster (kept by {@link KeptReplays})
 * instead of replaying every migration and testing the downgrade again. The key is every file of
 * the migrations directory by content (a helper class a migration calls is one of them), each
 * revision and its parents, and the settings of the replay; migrations that are not files there
 * (from a jar) are never reused.
 */
final class ReplayReuse {

  private static final ReplayReuse NONE = new ReplayReuse(null, null, null);

  private final KeptReplays store;
  private final String key;
  private final KeptReplays.Kept kept;

  private ReplayReuse(KeptReplays store, String key, KeptReplays.Kept kept) {
    this.store = store;
    this.key = key;
    this.kept = kept;
  }

  /** No reuse: the migrations are replayed, and the replay is not kept. */
  static ReplayReuse none() {
    return NONE;
  }

  static ReplayReuse of(RetortConfig config, RevisionGraph graph, Stages stages) {
    // A container's data is not on this machine to keep.
    if (!stages.caching() || config.shadowImage() != null || graph.isEmpty()) {
      return NONE;
    }
    String key = key(config, graph);
    if (key == null) {
      return NONE;
    }
    KeptReplays store = new KeptReplays(stages.cacheRoot());
    return new ReplayReuse(store, key, store.find(key));
  }

  /** The replay kept for these migrations, or null. */
  KeptReplays.Kept kept() {
    return kept;
  }

  /** Where the scratch server's cluster comes from: the kept replay's, else {@code otherwise}. */
  ClusterTemplate cluster(ClusterTemplate otherwise) {
    return kept != null ? kept.cluster() : otherwise;
  }

  /**
   * After a replay whose downgrade test passed (the database is at the heads again): stops the
   * server and keeps its cluster for the next check of the same migrations.
   */
  void keep(ScratchServer server, ModelComparison.Replayed replayed) {
    if (store == null) {
      return;
    }
    Path data = server.stopLeavingData();
    if (data != null) {
      store.keep(key, data, replayed.atStart(), replayed.newest());
    }
  }

  private static String key(RetortConfig config, RevisionGraph graph) {
    Path directory = config.migrationsDir();
    List<String> parts = new ArrayList<>();
    parts.add(
        "schemas="
            + config.schemas()
            + "|create="
            + config.createSchemas()
            + "|versionTable="
            + config.versionTable()
            + "|scope="
            + Replays.scope(config));
    for (MigrationScript script : graph.inOrder()) {
      if (script.source() == null || !Files.isRegularFile(Path.of(script.source()))) {
        return null;
      }
      parts.add(script.id() + "<-" + script.parents());
    }
    if (directory == null || !Files.isDirectory(directory)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        parts.add(directory.relativize(file) + "=" + Digests.of(Files.readAllBytes(file)));
      }
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
    return KeptReplays.key(parts.stream());
  }
}
