package dev.retort.maven;

import dev.retort.error.RetortException;
import dev.retort.workspace.Squash;
import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes one migration that stands for every revision from base to the target, written only once a
 * database built by it equals one built by the originals (as {@code retort squash}).
 */
@Mojo(name = "squash", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class SquashMojo extends RetortMojo {

  /** What the squash is, e.g. "baseline". */
  @Parameter(property = "retort.message")
  String message;

  /** The last revision to replace (default: the head). */
  @Parameter(property = "retort.to")
  String to;

  /** Use this revision id instead of a random one. */
  @Parameter(property = "retort.revId")
  String revId;

  @Override
  void run(Workspace workspace) {
    if (message == null || message.isBlank()) {
      throw RetortException.invalidInput(
          "a squash needs a message", "add -Dretort.message=\"baseline\"");
    }
    Squash.Squashed squashed = workspace.squash(message, revId, to);
    output()
        .info(
            "Generated "
                + basedir.toPath().relativize(squashed.written().file())
                + ": it replaces "
                + squashed.replaced().size()
                + " revisions ("
                + squashed.range()
                + ")");
    squashed.details().forEach(output()::info);
  }
}
