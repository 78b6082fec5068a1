package dev.retort.embedded;

import dev.retort.config.DatabaseUrl;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A throwaway PostgreSQL server from the binaries bundled with Retort: for {@code check} without a
 * database, for canonicalizing the entity model when no database is configured, and for tests. It
 * runs as the current user (as root, the embedded launcher enters a user namespace itself), with
 * durability switched off because nothing in it outlives the process.
 */
public final class EmbeddedServer implements ScratchServer {

  /** Servers of this process still running: stopped when the process is asked to end. */
  private static final Set<EmbeddedServer> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> STARTED.forEach(EmbeddedServer::close), "retort-embedded-stop"));
  }

  /**
   * The major version of the bundled binaries (the pom's {@code pg.binaries.major}): what work can
   * assume before the server is up. Callers check the started server's version and redo that work
   * when another major's binaries are on the classpath (the PostgreSQL matrix builds).
   */
  public static final int BUNDLED_MAJOR = 17;

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedServer start() {
    File home = new File(System.getProperty("java.io.tmpdir"), "retort-embedded");
    Orphans.stop(home.toPath());
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(home)
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "50")
              // A whole model is created in one transaction (canonicalizing it, or an initial
              // migration): a thousand tables take thousands of locks.
              .setServerConfig("max_locks_per_transaction", "512")
              .setServerConfig("timezone", "UTC")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      EmbeddedServer server = new EmbeddedServer(postgres);
      STARTED.add(server);
      return server;
    } catch (IOException | RuntimeException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot start the embedded PostgreSQL: " + e.getMessage(),
          "it needs a writable temp directory (java.io.tmpdir) and, as root, unshare; or configure"
              + " a database with --url",
          e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The URL of a database on this server (user postgres, no password). */
  @Override
  public DatabaseUrl url(String database) {
    return new DatabaseUrl(
        "jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", null);
  }

  @Override
  public String describe() {
    return "the embedded PostgreSQL";
  }

  @Override
  public void close() {
    if (!STARTED.remove(this)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      // The data directory is temporary; failing to stop cleanly loses nothing.
    }
  }
}
