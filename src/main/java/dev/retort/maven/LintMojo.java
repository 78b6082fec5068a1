package dev.retort.maven;

import dev.retort.error.RetortException;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.workspace.Linting;
import dev.retort.workspace.Workspace;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reports migration steps that lock, rewrite or break a running application; fails the build when a
 * finding reaches {@code failOn} (as {@code retort lint}).
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class LintMojo extends RetortMojo {

  /** {@code FROM:TO}, either end optional; default: the migrations not yet applied, else all. */
  @Parameter(property = "retort.range")
  String range;

  /** Lint every migration, applied or not. */
  @Parameter(property = "retort.all", defaultValue = "false")
  boolean all;

  /** {@code error} (default), {@code warning}, {@code info} or {@code none}. */
  @Parameter(property = "retort.failOn", defaultValue = "error")
  String failOn;

  @Override
  void run(Workspace workspace) throws MojoFailureException {
    Severity threshold = threshold();
    Linting.Result result = new Linting(workspace).lint(range, all);
    LintReport report = result.report();
    report.textLines().forEach(output()::warning);
    String summary = result.linted().size() + " migration(s) (" + result.scope() + ")";
    if (report.findings().isEmpty()) {
      output().info("No findings in " + summary + ".");
    } else {
      output().info(report.findings().size() + " finding(s) in " + summary + ".");
    }
    if (report.fails(threshold)) {
      throw new MojoFailureException(
          "lint found problems at or above "
              + failOn
              + " in "
              + summary
              + " (hint: fix them, or silence one with '// retort:ignore RULE -- the reason' above"
              + " it)");
    }
  }

  private Severity threshold() {
    try {
      return Severity.failOn(failOn);
    } catch (IllegalArgumentException e) {
      throw RetortException.invalidInput(
          "retort.failOn: " + e.getMessage(), "set -Dretort.failOn=error (the default)");
    }
  }
}
