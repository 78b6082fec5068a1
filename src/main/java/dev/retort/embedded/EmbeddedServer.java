package dev.retort.embedded;

import dev.retort.config.DatabaseUrl;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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

  /** How long a server may take to accept connections after initdb (a loaded CI machine). */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  /**
   * The same on a copied cluster. The library waits this long even when the server exits at once (a
   * cluster it refuses), so it is shorter: a start that takes longer only costs an initdb.
   */
  private static final Duration COPIED_STARTUP_WAIT = Duration.ofSeconds(15);

  /** How the data directories of Retort's embedded servers are named in its working directory. */
  static final String DATA_DIRECTORY_PREFIX = "data-";

  /** How long a stopping server may take to exit before it is killed. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final OwnedDirectory dataDirectory;

  private EmbeddedServer(EmbeddedPostgres postgres, OwnedDirectory dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  public static EmbeddedServer start() {
    return start(ClusterTemplate.NONE);
  }

  /**
   * Starts a server on a copy of {@code template}'s cluster when it keeps one, else on a cluster
   * initdb makes (and {@code template} keeps for the next start).
   */
  public static EmbeddedServer start(ClusterTemplate template) {
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "retort-embedded");
    Orphans.sweep(home);
    try {
      Files.createDirectories(home);
      // In a working directory of Retort's own, where the next start sweeps it up if this process
      // is killed.
      OwnedDirectory data = OwnedDirectory.create(home);
      if (template.copyInto(data.path())) {
        try {
          return started(home, data, null, COPIED_STARTUP_WAIT);
        } catch (IOException | RuntimeException e) {
          // Kept by another build's binaries, or damaged: make a cluster afresh, and keep that.
          template.discard();
          data = OwnedDirectory.create(home);
        }
      }
      return started(home, data, template, STARTUP_WAIT);
    } catch (IOException | RuntimeException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "cannot start the embedded PostgreSQL: " + e.getMessage(),
          "it needs a writable temp directory (java.io.tmpdir) and, as root, unshare; or configure"
              + " a database with --url",
          e);
    }
  }

  /**
   * @param keepIn where the cluster initdb makes in {@code data} is kept, or null when {@code data}
   *     holds a kept cluster already
   */
  private static EmbeddedServer started(
      Path home, OwnedDirectory data, ClusterTemplate keepIn, Duration startupWait)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(home.toFile())
            .setDataDirectory(data.path())
            // Never initdb over a copied cluster; this class deletes the directory when done.
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "50")
            // A whole model is created in one transaction (canonicalizing it, or an initial
            // migration): a thousand tables take thousands of locks.
            .setServerConfig("max_locks_per_transaction", "512")
            .setServerConfig("timezone", "UTC")
            .setPGStartupWait(startupWait);
    if (keepIn != null) {
      // Called after initdb, before the server first starts: the cluster as initdb left it.
      builder.setDataDirectoryCustomizer(directory -> keepIn.keep(directory.toPath()));
    }
    EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      // A server that came up too late for the library's wait still runs: stop it first.
      Postmaster.of(data.path()).ifPresent(Postmaster::kill);
      DataDirectories.delete(data.path());
      data.release();
      throw e;
    }
    EmbeddedServer server = new EmbeddedServer(postgres, data);
    STARTED.add(server);
    return server;
  }

  /**
   * Which binaries the server runs: where the embedded PostgreSQL library finds them (a jar per
   * PostgreSQL version), for caches of what they made.
   */
  public static String binaries() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String arch = System.getProperty("os.arch", "");
    String architecture =
        arch.equals("aarch64") || arch.equals("arm64")
            ? "arm_64"
            : arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
    URL resource =
        EmbeddedPostgres.class
            .getClassLoader()
            .getResource("postgres-" + system + "-" + architecture + ".txz");
    return resource == null ? "unknown" : resource.toString();
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
    if (stop()) {
      DataDirectories.delete(dataDirectory.path());
      dataDirectory.release();
    }
  }

  @Override
  public Path stopLeavingData() {
    if (!stop()) {
      return null;
    }
    dataDirectory.release();
    return dataDirectory.path();
  }

  /**
   * Stops the server (a clean shutdown) and waits for its postmaster to exit, killing it if it does
   * not: a directory deleted or kept while it still writes its last files would be left half. False
   * when it was stopped before, or could not be stopped (its directory is then left to the next
   * start's sweep).
   */
  private boolean stop() {
    if (!STARTED.remove(this)) {
      return false;
    }
    Optional<Postmaster> postmaster = Postmaster.of(dataDirectory.path());
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      // A stop that outlasted pg_ctl's own wait: waited for below.
    }
    if (postmaster.map(p -> p.awaitStopOrKill(EXIT_WAIT)).orElse(true)) {
      return true;
    }
    dataDirectory.release();
    return false;
  }
}
