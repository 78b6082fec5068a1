package dev.retort.shadow;

import dev.retort.embedded.ClusterTemplate;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.shadow.container.ContainerServer;
import dev.retort.timing.PhaseTimer;

/**
 * The one place that chooses the scratch (shadow) server: the embedded PostgreSQL, or, with {@code
 * shadow.image} set, a container of that image. Testcontainers is optional: its classes are looked
 * for by name before {@link ContainerServer}, which links against them, is first touched, so
 * without it Retort runs as before and only {@code shadow.image} is refused.
 */
public final class ShadowServers {

  /** The class {@link ContainerServer} needs first; absent when Testcontainers is not there. */
  static final String TESTCONTAINERS_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";

  static final String TESTCONTAINERS_ARTIFACT =
      "org.testcontainers:testcontainers-postgresql:2.0.5";

  private ShadowServers() {}

  /**
   * {@code shadow.image} is set, but containers cannot be had here (no Testcontainers, no Docker
   * engine): a test kit skips rather than fails on it.
   */
  public static final class Unavailable extends RetortException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, String hint) {
      super(ExitCode.SHADOW_UNAVAILABLE, message, hint);
    }
  }

  /**
   * Starts the scratch server.
   *
   * @param image {@code shadow.image}, or null for the embedded server
   * @throws RetortException exit 10 when the image is set but Testcontainers or a Docker engine is
   *     missing, or the container does not start
   */
  public static ScratchServer start(String image) {
    return start(image, ClusterTemplate.NONE);
  }

  /**
   * Starts the scratch server; an embedded one from {@code template}'s kept cluster when it has
   * one.
   */
  public static ScratchServer start(String image, ClusterTemplate template) {
    if (image == null) {
      return EmbeddedServer.start(template);
    }
    return container(image, present(TESTCONTAINERS_CLASS));
  }

  /** Starts the server of {@code image} when asked, timed as its start phase. */
  public static ScratchServer.Factory factory(String image, PhaseTimer timer) {
    return factory(image, timer, ClusterTemplate.NONE);
  }

  /** The same, embedded servers starting from {@code template}'s kept cluster when it has one. */
  public static ScratchServer.Factory factory(
      String image, PhaseTimer timer, ClusterTemplate template) {
    return new ScratchServer.Factory() {
      @Override
      public ScratchServer start() {
        return timer.time(startPhase(image), () -> ShadowServers.start(image, template));
      }

      @Override
      public String describe() {
        return ShadowServers.describe(image);
      }
    };
  }

  /**
   * Whether a container of {@code image} could start here, for {@code retort doctor}: without
   * pulling or starting anything.
   */
  public static String availability(String image) {
    try {
      container(image, present(TESTCONTAINERS_CLASS), false);
      return "Docker engine reachable";
    } catch (Unavailable e) {
      return "cannot start here: " + e.oneLine().substring(e.oneLine().indexOf("but ") + 4);
    }
  }

  /** How messages name the scratch server before it runs. */
  public static String describe(String image) {
    return image == null ? "the embedded PostgreSQL" : "the container " + image;
  }

  /** The phase timings' name for starting it. */
  public static String startPhase(String image) {
    return image == null ? "embedded start" : "container start";
  }

  static ScratchServer container(String image, boolean testcontainers) {
    return container(image, testcontainers, true);
  }

  /**
   * @param start whether to start the container, or only to see whether one could start (then null)
   */
  private static ScratchServer container(String image, boolean testcontainers, boolean start) {
    if (!testcontainers) {
      throw new Unavailable(
          "shadow.image is set (" + image + "), but Testcontainers is not on the classpath",
          "add "
              + TESTCONTAINERS_ARTIFACT
              + " beside Retort (the command line's jar has it), or unset shadow.image to use the"
              + " embedded PostgreSQL");
    }
    if (!ContainerServer.dockerAvailable()) {
      throw noDocker(image);
    }
    if (!start) {
      return null;
    }
    try {
      return ContainerServer.start(image);
    } catch (RuntimeException e) {
      throw new RetortException(
          ExitCode.SHADOW_UNAVAILABLE,
          "cannot start the container " + image + ": " + firstLine(e),
          "check that Docker can pull it (docker pull "
              + image
              + ") and that it is PostgreSQL or built on the official postgres image",
          e);
    }
  }

  static RetortException noDocker(String image) {
    return new Unavailable(
        "shadow.image is set (" + image + "), but no Docker engine is reachable",
        "start Docker (or set DOCKER_HOST), unset shadow.image to use the embedded PostgreSQL, or"
            + " set url to a database that has the extensions the entities need");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ShadowServers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.split("\\R")[0];
  }
}
