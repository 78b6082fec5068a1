package dev.retort.maven;

import dev.retort.lint.LintReport;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionLines;
import dev.retort.workspace.Linting;
import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the migrations an upgrade would apply, in order, with their lint errors and warnings;
 * applies nothing (as {@code retort pending}).
 */
@Mojo(name = "pending", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class PendingMojo extends RetortMojo {

  /** What an upgrade would go to: {@code heads} (default), {@code head}, {@code +N}, a revision. */
  @Parameter(property = "retort.target", defaultValue = "heads")
  String target;

  @Override
  void run(Workspace workspace) {
    MigrationPath path = workspace.pending(target);
    if (path.isEmpty()) {
      output().info("Nothing pending: the database is at " + target + ".");
      return;
    }
    LintReport lint = new Linting(workspace).lint(path.steps());
    output().info(path.steps().size() + " migration(s) to apply:");
    for (MigrationScript script : path.steps()) {
      output().info("  " + RevisionLines.pending(script));
      lint.reviewLines(script.id()).forEach(line -> output().warning("      " + line));
    }
  }
}
