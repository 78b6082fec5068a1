package dev.retort.maven;

import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists the revisions, newest first (as {@code retort history}). */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class HistoryMojo extends RetortMojo {

  /** {@code FROM:TO}, either end optional (base, head, a revision). */
  @Parameter(property = "retort.range")
  String range;

  /** Each revision's details, and with a database when it was applied. */
  @Parameter(property = "retort.verbose", defaultValue = "false")
  boolean verbose;

  @Override
  void run(Workspace workspace) {
    workspace.history(range, verbose).lines(verbose).forEach(output()::info);
  }
}
