package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code retort} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    QuietLogging.apply();
    Interruption.install();
    System.exit(run(args, Environment.system(), null));
  }

  /**
   * Runs one command line and returns its exit code; never calls {@code System.exit}.
   *
   * @param console the console to use, or null to make one for the environment's streams
   */
  public static int run(String[] args, Environment environment, Console console) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(new PrintWriter(environment.out(), true));
    commandLine.setErr(new PrintWriter(environment.err(), true));
    Console[] used = new Console[1];
    commandLine.setExecutionStrategy(
        parseResult -> {
          RetortCommand root = parseResult.commandSpec().commandLine().getCommand();
          used[0] = console != null ? console : consoleFor(environment, root.verbosity());
          CommandContext context = new CommandContext(root, environment, used[0]);
          for (CommandLine line : parseResult.asCommandLineList()) {
            if (line.getCommand() instanceof BaseCommand) {
              ((BaseCommand) line.getCommand()).attach(context);
            }
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    commandLine.setParameterExceptionHandler(
        (CommandLine.ParameterException e, String[] arguments) -> {
          Console out = consoleFor(environment, Console.Verbosity.NORMAL);
          out.error(
              e.getMessage()
                  + " (hint: see 'retort "
                  + (e.getCommandLine().getCommandName().equals("retort")
                      ? ""
                      : e.getCommandLine().getCommandName() + " ")
                  + "--help')");
          return ExitCode.INVALID_INPUT.code();
        });
    commandLine.setExecutionExceptionHandler(
        (Exception e, CommandLine line, ParseResult parseResult) -> {
          Console out =
              used[0] != null ? used[0] : consoleFor(environment, Console.Verbosity.NORMAL);
          return report(e, out);
        });
    return commandLine.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RetortCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpAutoWidth(false);
    commandLine.setUsageHelpWidth(100);
    return commandLine;
  }

  private static Console consoleFor(Environment environment, Console.Verbosity verbosity) {
    if (environment.out() == System.out) {
      return Console.system(verbosity);
    }
    return new Console(environment.out(), environment.err(), verbosity, false, false);
  }

  static int report(Exception e, Console console) {
    if (Interruption.received() != null) {
      console.error(
          "interrupted by "
              + Interruption.received()
              + "; what a migration was doing is rolled back, and an embedded server is stopped"
              + " (hint: run the command again)");
      return 130;
    }
    Throwable cause = e;
    while (!(cause instanceof RetortException)
        && cause.getCause() != null
        && cause != cause.getCause()) {
      cause = cause.getCause();
    }
    if (cause instanceof RetortException) {
      RetortException retort = (RetortException) cause;
      console.error(retort.oneLine());
      if (console.isVerbose() && retort.getCause() != null) {
        console.stackTrace(retort.getCause());
      }
      return retort.exitCode().code();
    }
    console.error(
        "internal error: "
            + e
            + " (hint: please report it with the output of the same command run"
            + " with -v)");
    if (console.isVerbose()) {
      console.stackTrace(e);
    }
    return ExitCode.INTERNAL.code();
  }
}
