package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.lint.LintReport;
import dev.retort.lint.Severity;
import dev.retort.workspace.Linting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Check migrations for steps that lock, rewrite or break a running application.",
      "Default: the migrations not yet applied to the configured database, else all of them.",
      "Exit 1 when a finding reaches --fail-on. Silence one with a comment above it:",
      "// retort:ignore RT004 -- the reason (required)"
    })
final class LintCommand extends BaseCommand {

  enum Format {
    text,
    json,
    sarif
  }

  enum FailOn {
    error,
    warning,
    info,
    none
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "REVISION_RANGE",
      description = "FROM:TO, either end optional (base, head, a revision).")
  String range;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json, or sarif (SARIF 2.1.0, for code-scanning annotations).")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      description = "error (default), warning, info, or none: the lowest severity that exits 1.")
  FailOn failOn;

  @Option(names = "--all", description = "Lint every migration, applied or not.")
  boolean all;

  @Override
  int execute() {
    Linting.Result result = new Linting(context().workspace()).lint(range, all);
    LintReport report = result.report();
    if (format == Format.json) {
      console().result(report.json());
    } else if (format == Format.sarif) {
      String version = RetortCommand.class.getPackage().getImplementationVersion();
      console().result(report.sarif(version == null ? "development" : version));
    } else {
      report.textLines().forEach(console()::result);
      String summary =
          result.linted().size()
              + " migration(s) ("
              + result.scope()
              + (result.linted().isEmpty() ? "" : "; PostgreSQL " + report.settings().targetMajor())
              + ")";
      if (report.findings().isEmpty()) {
        console().success("No findings in " + summary + ".");
      } else {
        console().info(report.findings().size() + " finding(s) in " + summary + ".");
      }
    }
    return report.fails(Severity.failOn(failOn.name()))
        ? ExitCode.DIFFERENCES.code()
        : ExitCode.OK.code();
  }
}
