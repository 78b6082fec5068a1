package dev.retort.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.junit.RetortAssertions;
import dev.retort.shadow.container.ContainerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The choice of scratch server: the embedded one by default; with {@code shadow.image}, a container
 * when Testcontainers and a Docker engine are there, else one line saying what is missing (exit
 * 10), and a skipped test in the JUnit kit. The container itself needs Docker: without it that test
 * is skipped, saying so.
 */
class ShadowServersTest {

  @Test
  void withoutAnImageTheScratchServerIsTheEmbeddedOne() {
    try (ScratchServer server = ShadowServers.start(null)) {
      assertInstanceOf(EmbeddedServer.class, server);
      assertEquals("the embedded PostgreSQL", server.describe());
      server.createDatabase("retort_shadow_test");
      server.dropDatabase("retort_shadow_test");
    }
  }

  @Test
  void withoutTestcontainersTheImageIsRefusedWithTheWayOut() {
    RetortException e =
        assertThrows(
            ShadowServers.Unavailable.class, () -> ShadowServers.container("postgres:16", false));
    assertEquals(ExitCode.SHADOW_UNAVAILABLE, e.exitCode());
    assertEquals(
        "shadow.image is set (postgres:16), but Testcontainers is not on the classpath (hint: add"
            + " org.testcontainers:testcontainers-postgresql:2.0.5 beside Retort (the command"
            + " line's jar has it), or unset shadow.image to use the embedded PostgreSQL)",
        e.oneLine());
  }

  @Test
  void withoutDockerTheImageIsRefusedWithTheWayOut() {
    assumeFalse(ContainerServer.dockerAvailable(), "a Docker engine is here: nothing to refuse");
    RetortException e =
        assertThrows(ShadowServers.Unavailable.class, () -> ShadowServers.start("postgres:16"));
    assertEquals(ExitCode.SHADOW_UNAVAILABLE, e.exitCode());
    assertEquals(
        "shadow.image is set (postgres:16), but no Docker engine is reachable (hint: start Docker"
            + " (or set DOCKER_HOST), unset shadow.image to use the embedded PostgreSQL, or set url"
            + " to a database that has the extensions the entities need)",
        e.oneLine());
    assertTrue(
        ShadowServers.availability("postgres:16")
            .startsWith("cannot start here: no Docker engine is reachable (hint: start Docker"),
        ShadowServers.availability("postgres:16"));
  }

  @Test
  void theKitSkipsATestThatNeedsTheImageWithoutDocker(@TempDir Path project) throws Exception {
    assumeFalse(ContainerServer.dockerAvailable(), "a Docker engine is here: nothing to skip");
    Path sample = Path.of("samples/workforce").toAbsolutePath();
    Path config = project.resolve("retort.properties");
    Files.writeString(
        config,
        "entities.sources="
            + sample.resolve("model/v5")
            + "\nentities.packages=com.example.workforce.model\nmigrations.dir="
            + sample.resolve("migrations")
            + "\nmigrations.package=com.example.workforce.migrations\nshadow.image=postgres:16\n");
    TestAbortedException skipped =
        assertThrows(
            TestAbortedException.class,
            () -> RetortAssertions.assertMigrationsMatchEntities(config));
    assertTrue(
        skipped
            .getMessage()
            .startsWith(
                "no Docker engine: shadow.image is set (postgres:16), but no Docker engine is"
                    + " reachable"),
        skipped.getMessage());
  }

  @Test
  void withDockerTheScratchServerIsAContainerOfTheImage() throws Exception {
    assumeTrue(
        ContainerServer.dockerAvailable(),
        "no Docker engine: shadow.image=postgres:16 needs one to start its container");
    try (ScratchServer server = ShadowServers.start("postgres:16")) {
      assertEquals("the container postgres:16", server.describe());
      try (Connection connection = Connections.open(server.createDatabase("retort_shadow_test"));
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SHOW server_version_num")) {
        rows.next();
        assertEquals(16, rows.getInt(1) / 10000);
      }
      server.dropDatabase("retort_shadow_test");
    }
  }
}
