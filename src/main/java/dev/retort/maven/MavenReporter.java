package dev.retort.maven;

import dev.retort.revision.Direction;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionLines;
import dev.retort.workspace.Reporter;

/**
 * The workspace's progress in a Maven build log: each migration as it starts and ends (a deploy log
 * shows what is running), warnings, and with {@code mvn -X} the SQL and Retort's details. The
 * command line's transient progress lines become plain lines, said once.
 */
final class MavenReporter implements Reporter {

  private final MavenOutput output;

  MavenReporter(MavenOutput output) {
    this.output = output;
  }

  @Override
  public void migrationStarted(MigrationScript script, Direction direction) {
    String arrow =
        direction == Direction.UPGRADE
            ? RevisionLines.parents(script) + " -> " + script.id()
            : script.id() + " -> " + RevisionLines.parents(script);
    output.info("Running " + direction.word() + " " + arrow + ", " + script.message());
  }

  @Override
  public void migrationFinished(MigrationScript script, Direction direction, long millis) {
    output.info("  done in " + millis + " ms");
  }

  @Override
  public void statement(String sql) {
    output.detail(sql + ";");
  }

  @Override
  public void warning(String message) {
    output.warning(message);
  }

  @Override
  public void progress(String line) {
    output.info(line);
  }

  @Override
  public void notice(String line) {
    output.info(line);
  }

  @Override
  public void detail(String line) {
    output.detail(line);
  }
}
