package dev.retort.maven;

import dev.retort.error.ExitCode;
import dev.retort.error.Redaction;
import dev.retort.error.RetortException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * How a Retort error ends a build. What the project's own content or settings caused (bad input,
 * differences, a revision graph problem, a failing or edited migration, a held lock) is a {@link
 * MojoFailureException}: Maven's BUILD FAILURE, with the one line and hint the command line prints.
 * What the project cannot fix by changing itself (an unreachable database, a bug in Retort) is a
 * {@link MojoExecutionException}: BUILD ERROR. Neither carries the cause, whose text Maven would
 * print unredacted; {@code mvn -X} shows the redacted stack trace instead.
 */
final class MojoFailures {

  private MojoFailures() {}

  /** Ends the build for {@code thrown}; never returns normally. */
  static void rethrow(RuntimeException thrown, MavenOutput output)
      throws MojoExecutionException, MojoFailureException {
    output.stackTrace(thrown);
    RetortException retort = retortCause(thrown);
    if (retort == null) {
      throw new MojoExecutionException(
          Redaction.redact(
              "internal error: "
                  + thrown
                  + " (hint: please report it with the output of the same goal run with -X)"));
    }
    if (retort.exitCode() == ExitCode.DATABASE_UNAVAILABLE
        || retort.exitCode() == ExitCode.INTERNAL) {
      throw new MojoExecutionException(retort.oneLine());
    }
    throw new MojoFailureException(retort.oneLine());
  }

  private static RetortException retortCause(Throwable thrown) {
    Throwable cause = thrown;
    while (!(cause instanceof RetortException)
        && cause.getCause() != null
        && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    return cause instanceof RetortException ? (RetortException) cause : null;
  }
}
