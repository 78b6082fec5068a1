package dev.retort.maven;

import dev.retort.error.RetortException;
import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reverts migrations down to the target (as {@code retort downgrade}). The target has no default:
 * reverting is never what a bare goal should do.
 */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class DowngradeMojo extends RetortMojo {

  /** {@code -N}, {@code base}, or a revision (a unique prefix will do). */
  @Parameter(property = "retort.target")
  String target;

  /** Allow running against a production environment (see {@code environment}). */
  @Parameter(property = "retort.confirmProduction", defaultValue = "false")
  boolean confirmProduction;

  @Override
  void run(Workspace workspace) {
    if (target == null || target.isBlank()) {
      throw RetortException.invalidInput(
          "downgrade needs a target", "add -Dretort.target=-1 (or base, or a revision)");
    }
    output().info(workspace.downgrade(target, confirmProduction).outcome("downgrade"));
  }
}
