package dev.retort.error;

/**
 * An error the user can act on: a cause, a hint saying what to do, and the exit code. The command
 * line prints it as one line; nothing else is printed for it (no stack trace unless {@code -v}).
 */
public class RetortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;
  private final String hint;

  public RetortException(ExitCode exitCode, String message, String hint) {
    this(exitCode, message, hint, null);
  }

  public RetortException(ExitCode exitCode, String message, String hint, Throwable cause) {
    super(Redaction.redact(message), cause);
    this.exitCode = exitCode;
    this.hint = Redaction.redact(hint);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** What to do about it, or null. */
  public String hint() {
    return hint;
  }

  /** The cause and the hint as one line. */
  public String oneLine() {
    String message = getMessage().replaceAll("\\s*\\R\\s*", " ");
    return Redaction.redact(hint == null ? message : message + " (hint: " + hint + ")");
  }

  public static RetortException invalidInput(String message, String hint) {
    return new RetortException(ExitCode.INVALID_INPUT, message, hint);
  }

  public static RetortException revisionGraph(String message, String hint) {
    return new RetortException(ExitCode.REVISION_GRAPH, message, hint);
  }
}
