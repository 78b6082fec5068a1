package dev.retort.cli;

import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionLines;
import dev.retort.runtime.RunListener;
import dev.retort.workspace.Reporter;
import dev.retort.workspace.Workspace;

/**
 * What commands share: the resolved configuration, the workspace built from it, and the console.
 * Each is made on first use, so {@code --help} and {@code init} never touch what they do not need.
 */
final class CommandContext {

  private final RetortCommand root;
  private final Environment environment;
  private final Console console;
  private RetortConfig config;
  private Workspace workspace;
  private final ConsoleReporter reporter = new ConsoleReporter();

  CommandContext(RetortCommand root, Environment environment, Console console) {
    this.root = root;
    this.environment = environment;
    this.console = console;
  }

  Console console() {
    return console;
  }

  Environment environment() {
    return environment;
  }

  RetortConfig config() {
    if (config == null) {
      config =
          new ConfigLoader(environment.workingDir(), environment.variables())
              .load(root.configFile, root.overrides());
      ConfigLoader.describe(config).forEach((k, v) -> console.detail(k + ": " + v));
    }
    return config;
  }

  /** Stops what the run left going (a failed step's heartbeat). */
  void endRun() {
    reporter.stopHeartbeat();
  }

  Workspace workspace() {
    if (workspace == null) {
      workspace = Workspace.of(config(), environment.variables(), reporter);
    }
    return workspace;
  }

  /** The console as the workspace's reporter: progress lines, "Running upgrade A -> B", SQL. */
  private final class ConsoleReporter extends CountingListener implements Reporter {

    private Heartbeat heartbeat;

    /** The step's line as it starts, so a deploy log shows what is running while it runs. */
    @Override
    public void migrationStarted(MigrationScript script, Direction direction) {
      console.endProgress();
      String arrow =
          direction == Direction.UPGRADE
              ? RevisionLines.parents(script) + " -> " + script.id()
              : script.id() + " -> " + RevisionLines.parents(script);
      console.info(
          "Running "
              + direction.word()
              + " "
              + arrow
              + ", "
              + script.message()
              + " ("
              + next()
              + ")");
      stopHeartbeat();
      heartbeat =
          new Heartbeat(
              console,
              direction.word() + " " + script.id(),
              Heartbeat.interval(environment.variables()));
    }

    @Override
    public void migrationFinished(MigrationScript script, Direction direction, long millis) {
      stopHeartbeat();
      console.endProgress();
      console.info("  done in " + Heartbeat.human(millis * 1_000_000));
    }

    private void stopHeartbeat() {
      if (heartbeat != null) {
        heartbeat.close();
        heartbeat = null;
      }
    }

    @Override
    public void statement(String sql) {
      console.detail(sql + ";");
    }

    @Override
    public void warning(String message) {
      console.warning(message);
    }

    /** A failed step ends its heartbeat too. */
    @Override
    public void endProgress() {
      stopHeartbeat();
      console.endProgress();
    }

    @Override
    public void progress(String line) {
      console.progress(line);
    }

    @Override
    public void detail(String line) {
      console.detail(line);
    }

    @Override
    public void notice(String line) {
      console.info(line);
    }

    @Override
    public RunListener embedded() {
      return new CountingListener() {
        @Override
        public void migrationStarted(MigrationScript script, Direction direction) {
          console.progress("Applying the migrations to the embedded PostgreSQL: " + next());
        }
      };
    }
  }

  /** Counts the steps of a run, for progress such as "3/200". */
  private abstract static class CountingListener implements RunListener {
    private int done;
    private int total;

    @Override
    public void pathPlanned(MigrationPath path) {
      done = 0;
      total = path.steps().size();
    }

    String next() {
      return ++done + "/" + total;
    }
  }
}
