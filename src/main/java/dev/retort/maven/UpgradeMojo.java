package dev.retort.maven;

import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Applies migrations up to the target (as {@code retort upgrade}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class UpgradeMojo extends RetortMojo {

  /** {@code head} (default), {@code heads}, {@code +N}, or a revision (a unique prefix will do). */
  @Parameter(property = "retort.target", defaultValue = "head")
  String target;

  /** Allow running against a production environment (see {@code environment}). */
  @Parameter(property = "retort.confirmProduction", defaultValue = "false")
  boolean confirmProduction;

  @Override
  void run(Workspace workspace) {
    output().info(workspace.upgrade(target, confirmProduction).outcome("upgrade"));
  }
}
