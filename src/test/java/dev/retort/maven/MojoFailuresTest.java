package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** What the project can fix fails the build; what it cannot is a build error; no secret shows. */
class MojoFailuresTest {

  private final MavenOutput output = new MavenOutput(new SystemStreamLog());

  @Test
  void invalidSettingsFailTheBuildWithTheOneLineAndItsHint() {
    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () ->
                MojoFailures.rethrow(
                    RetortException.invalidInput("entities.packages is not set", "set it"),
                    output));
    assertEquals("entities.packages is not set (hint: set it)", failure.getMessage());
  }

  @Test
  void aRetortErrorInsideAnotherIsFoundAndMapsByItsExitCode() {
    RetortException graph = RetortException.revisionGraph("2 heads", "merge them");
    assertThrows(
        MojoFailureException.class,
        () -> MojoFailures.rethrow(new IllegalStateException("wrapped", graph), output));
    RetortException unreachable =
        new RetortException(ExitCode.DATABASE_UNAVAILABLE, "connection refused", "start it");
    MojoExecutionException error =
        assertThrows(MojoExecutionException.class, () -> MojoFailures.rethrow(unreachable, output));
    assertEquals("connection refused (hint: start it)", error.getMessage());
  }

  @Test
  void anUnexpectedErrorIsABuildErrorWithoutTheSecretsInIt() {
    MojoExecutionException error =
        assertThrows(
            MojoExecutionException.class,
            () ->
                MojoFailures.rethrow(
                    new IllegalStateException("cannot use postgres://app:s3cret-pw@db:5432/app"),
                    output));
    assertTrue(error.getMessage().startsWith("internal error: "), error.getMessage());
    assertFalse(error.getMessage().contains("s3cret-pw"), error.getMessage());
    assertEquals(null, error.getCause(), "the cause's own text would be printed unredacted");
  }
}
