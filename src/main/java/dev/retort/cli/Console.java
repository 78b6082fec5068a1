package dev.retort.cli;

import dev.retort.error.Redaction;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * The command line's output, every line through {@link Redaction}. Results go to standard output;
 * progress, warnings and errors to standard error. {@code -q} keeps only errors and results; {@code
 * -v} adds SQL and timings. Colour only on a terminal, and never with {@code NO_COLOR} set or
 * {@code TERM=dumb}.
 */
public final class Console {

  public enum Verbosity {
    QUIET,
    NORMAL,
    VERBOSE
  }

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";
  private static final String DIM = "\u001b[2m";

  private final PrintStream out;
  private final PrintStream err;
  private final Verbosity verbosity;
  private final boolean color;
  private final boolean interactive;
  private boolean progressShown;
  private boolean document;

  public Console(
      PrintStream out, PrintStream err, Verbosity verbosity, boolean color, boolean interactive) {
    this.out = out;
    this.err = err;
    this.verbosity = verbosity;
    this.color = color;
    this.interactive = interactive;
  }

  /** Colour and progress when attached to a terminal and the environment allows it. */
  public static Console system(Verbosity verbosity) {
    return forStreams(System.out, System.err, verbosity, System.console() != null, System.getenv());
  }

  /**
   * @param terminal whether the streams are a terminal (not a pipe or a file)
   * @param environment where {@code NO_COLOR}, {@code TERM} and {@code CI} are looked up
   */
  static Console forStreams(
      PrintStream out,
      PrintStream err,
      Verbosity verbosity,
      boolean terminal,
      Map<String, String> environment) {
    boolean noColor = environment.containsKey("NO_COLOR") || "dumb".equals(environment.get("TERM"));
    boolean ci = environment.containsKey("CI");
    return new Console(out, err, verbosity, terminal && !noColor, terminal && !ci);
  }

  public Verbosity verbosity() {
    return verbosity;
  }

  public boolean isVerbose() {
    return verbosity == Verbosity.VERBOSE;
  }

  /** A command's result (what scripts parse): always printed, on standard output. */
  public void result(String line) {
    endProgress();
    out.println(Redaction.redact(line));
  }

  /**
   * The command prints a document (JSON) on standard output: from now on, lines for people that
   * would go there ({@link #info}, such as which tenant a comparison uses) go to standard error, so
   * that a script reading standard output gets the document alone.
   */
  public void documentOnStandardOutput() {
    document = true;
  }

  /** Progress and summaries: hidden by {@code -q}. */
  public void info(String line) {
    endProgress();
    if (verbosity != Verbosity.QUIET) {
      (document ? err : out).println(Redaction.redact(line));
    }
  }

  /** Details for {@code -v}: SQL, timings. */
  public void detail(String line) {
    if (verbosity == Verbosity.VERBOSE) {
      err.println(paint(DIM, Redaction.redact(line)));
    }
  }

  /** A result that reports success ("Generated ...", "in sync"): printed even with {@code -q}. */
  public void success(String line) {
    endProgress();
    out.println(paint(GREEN, Redaction.redact(line)));
  }

  public void warning(String line) {
    endProgress();
    if (verbosity != Verbosity.QUIET) {
      err.println(paint(YELLOW, "warning: ") + Redaction.redact(line));
    }
  }

  /** A review flag: the thing a reviewer must look at. */
  public void flag(String kind, String line) {
    endProgress();
    if (verbosity != Verbosity.QUIET) {
      out.println(paint(YELLOW + BOLD, "  REVIEW(" + kind + ")") + " " + Redaction.redact(line));
    }
  }

  public void error(String line) {
    endProgress();
    err.println(paint(RED + BOLD, "error: ") + Redaction.redact(line));
  }

  /** A transient progress line on a terminal; nothing in pipes or CI logs. */
  public void progress(String line) {
    if (interactive && verbosity == Verbosity.NORMAL) {
      err.print("\r\u001b[2K" + Redaction.redact(line));
      err.flush();
      progressShown = true;
    }
  }

  /**
   * That a long step is still running: shown in place on a terminal, a line on standard error in
   * logs (unless -q), so deploy logs show life without a line per second.
   */
  public synchronized void heartbeat(String line) {
    if (interactive && verbosity == Verbosity.NORMAL) {
      progress(line);
    } else if (verbosity != Verbosity.QUIET) {
      err.println(Redaction.redact(line));
    }
  }

  /** Clears a progress line, if one is shown, so the next output starts on a clean line. */
  public void endProgress() {
    if (progressShown) {
      err.print("\r\u001b[2K");
      err.flush();
      progressShown = false;
    }
  }

  public String bold(String text) {
    return paint(BOLD, text);
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }

  /** A stack trace for {@code -v}, on standard error, with secrets hidden like every other line. */
  public void stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    err.print(Redaction.redact(trace.toString()));
  }
}
