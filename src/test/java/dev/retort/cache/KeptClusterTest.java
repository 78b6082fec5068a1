package dev.retort.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's cluster kept between runs: made once, copied after, remade if refused. */
class KeptClusterTest {

  @TempDir Path cache;

  @Test
  void keepsTheFirstClusterAndStartsLaterServersOnCopiesOfIt() throws Exception {
    KeptCluster template = new KeptCluster(cache);
    Path kept;
    try (EmbeddedServer first = EmbeddedServer.start(template)) {
      kept = onlyCluster();
      assertTrue(Files.isRegularFile(kept.resolve("PG_VERSION")));
      assertFalse(Files.exists(kept.resolve("postmaster.pid")), "kept before the server started");
      assertFalse(Files.exists(kept.resolve("epg-lock")));
      // What the first server does stays in its own copy, never in the kept cluster.
      execute(first, "CREATE DATABASE only_in_first");
    }
    Files.writeString(kept.resolve("retort-marker"), "copied");
    try (EmbeddedServer second = EmbeddedServer.start(template)) {
      Path data = Path.of(query(second, "SHOW data_directory"));
      assertEquals("copied", Files.readString(data.resolve("retort-marker")));
      assertEquals(
          "0", query(second, "SELECT count(*) FROM pg_database WHERE datname = 'only_in_first'"));
      assertEquals("1", query(second, "SELECT 1"));
    }
  }

  @Test
  void aClusterTheServerRefusesIsReplacedByAFreshOne() throws Exception {
    KeptCluster template = new KeptCluster(cache);
    try (EmbeddedServer first = EmbeddedServer.start(template)) {
      // made and kept
    }
    Path kept = onlyCluster();
    // Damaged: without its configuration file, the start fails.
    Files.delete(kept.resolve("postgresql.conf"));
    try (EmbeddedServer server = EmbeddedServer.start(template)) {
      assertEquals("1", query(server, "SELECT 1"));
    }
    assertTrue(Files.isRegularFile(onlyCluster().resolve("postgresql.conf")), "kept afresh");
  }

  private Path onlyCluster() throws Exception {
    try (Stream<Path> entries = Files.list(cache.resolve("clusters"))) {
      return entries
          .filter(Files::isDirectory)
          .reduce(
              (a, b) -> {
                throw new AssertionError("more than one kept cluster: " + a + ", " + b);
              })
          .orElseThrow();
    }
  }

  private static void execute(EmbeddedServer server, String sql) throws SQLException {
    try (Connection connection = Connections.open(server.url("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(EmbeddedServer server, String sql) throws SQLException {
    try (Connection connection = Connections.open(server.url("postgres"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
