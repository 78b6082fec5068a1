package dev.retort.shadow.container;

import dev.retort.config.DatabaseUrl;
import dev.retort.embedded.ScratchServer;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The scratch server as a PostgreSQL container of the image {@code shadow.image} names: for an
 * entity model or migrations that need extensions the embedded binaries lack (PostGIS, pgvector),
 * or a server version of the production one. The only class that touches Testcontainers; it is
 * loaded only after {@code dev.retort.shadow.ShadowServers} has seen Testcontainers on the
 * classpath, so Retort runs without it.
 */
public final class ContainerServer implements ScratchServer {

  private static final int POSTGRES_PORT = 5432;

  private final PostgreSQLContainer container;
  private final String image;

  private ContainerServer(PostgreSQLContainer container, String image) {
    this.container = container;
    this.image = image;
  }

  /** Whether Testcontainers finds a Docker engine (it tries the environment and the sockets). */
  public static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /**
   * Starts a container of {@code image}, which must be PostgreSQL or built on it (its entry point
   * and environment are the official image's).
   */
  public static ContainerServer start(String image) {
    PostgreSQLContainer container =
        new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
            // As the embedded server: nothing in it outlives the command, so durability is off;
            // a whole model is created in one transaction, which takes thousands of locks.
            .withCommand(
                "postgres",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_locks_per_transaction=512",
                "-c",
                "timezone=UTC")
            .withStartupTimeout(Duration.ofMinutes(3));
    container.start();
    return new ContainerServer(container, image);
  }

  @Override
  public DatabaseUrl url(String database) {
    return new DatabaseUrl(
        "jdbc:postgresql://"
            + container.getHost()
            + ":"
            + container.getMappedPort(POSTGRES_PORT)
            + "/"
            + database,
        container.getUsername(),
        container.getPassword());
  }

  @Override
  public String describe() {
    return "the container " + image;
  }

  @Override
  public void close() {
    container.stop();
  }
}
