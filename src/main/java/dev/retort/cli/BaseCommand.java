package dev.retort.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A subcommand: gets the shared context from {@link Main} and returns an exit code. */
abstract class BaseCommand implements Callable<Integer> {

  @ParentCommand RetortCommand root;

  private CommandContext context;

  void attach(CommandContext value) {
    this.context = value;
  }

  CommandContext context() {
    return context;
  }

  Console console() {
    return context.console();
  }

  @Override
  public final Integer call() throws Exception {
    try {
      return execute();
    } finally {
      // A step that failed never finished: its heartbeat stops with the command.
      context.endRun();
    }
  }

  abstract int execute() throws Exception;
}
