package dev.retort.cli;

import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.SourceMigrations;
import dev.retort.runtime.MigrationRunner;
import dev.retort.runtime.RunListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What commands share: the resolved configuration, the loaded migrations, connections and the
 * console. Each piece is built on first use, so {@code --help} and offline commands never touch
 * what they do not need.
 */
final class CommandContext {

  private final RetortCommand root;
  private final Environment environment;
  private java.nio.file.Path cacheRoot;
  private dev.retort.workspace.Stages stages;
  private final dev.retort.timing.PhaseTimer timer = new dev.retort.timing.PhaseTimer();
  private final Console console;
  private RetortConfig config;
  private RevisionGraph graph;

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

  SourceMigrations migrationSources() {
    RetortConfig c = config();
    return new SourceMigrations(c.migrationsDir(), c.entityClasspath(), stages().compiler());
  }

  /** The stages, cached unless {@code cache=off}; their timer collects this command's phases. */
  dev.retort.workspace.Stages stages() {
    if (stages == null) {
      stages =
          config().cache()
              ? dev.retort.workspace.Stages.cached(cacheRoot(), timer)
              : dev.retort.workspace.Stages.uncached(timer);
    }
    return stages;
  }

  dev.retort.timing.PhaseTimer timer() {
    return timer;
  }

  java.nio.file.Path cacheRoot() {
    if (cacheRoot == null) {
      cacheRoot = dev.retort.cache.CacheLocation.resolve(environment.variables());
    }
    return cacheRoot;
  }

  RevisionGraph graph() {
    if (graph == null) {
      long start = System.nanoTime();
      List<MigrationScript> scripts = migrationSources().load();
      graph = new RevisionGraph(scripts);
      console.detail(
          "loaded "
              + scripts.size()
              + " migrations from "
              + config().migrationsDir()
              + " in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms");
    }
    return graph;
  }

  Connection connect() {
    return Connections.open(config().requireDatabase());
  }

  MigrationRunner runner() {
    RetortConfig c = config();
    return new MigrationRunner(graph(), c.versionTable(), c.schemas(), c.lockTimeout(), listener());
  }

  RunListener listener() {
    return new CountingListener() {
      @Override
      public void migrationStarted(MigrationScript script, Direction direction) {
        console.progress(
            "Running " + direction.word() + " " + next() + ": " + script.id() + " ...");
      }

      @Override
      public void migrationFinished(MigrationScript script, Direction direction, long millis) {
        console.endProgress();
        String arrow =
            direction == Direction.UPGRADE
                ? parents(script) + " -> " + script.id()
                : script.id() + " -> " + parents(script);
        console.info(
            "Running "
                + direction.word()
                + " "
                + arrow
                + ", "
                + script.message()
                + (console.isVerbose() ? " (" + millis + " ms)" : ""));
      }

      @Override
      public void statement(String sql) {
        console.detail(sql + ";");
      }

      @Override
      public void warning(String message) {
        console.warning(message);
      }
    };
  }

  /** Progress only, for migrations applied to the embedded server on the way to a comparison. */
  RunListener embeddedProgress() {
    return new CountingListener() {
      @Override
      public void migrationStarted(MigrationScript script, Direction direction) {
        console.progress("Applying the migrations to the embedded PostgreSQL: " + next());
      }
    };
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

  static String parents(MigrationScript script) {
    return script.parents().isEmpty() ? "<base>" : String.join(", ", script.parents());
  }

  /** Closes a connection without masking the error that may be on its way out. */
  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing useful to add.
    }
  }
}
