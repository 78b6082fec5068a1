package dev.retort.maven;

import dev.retort.error.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.maven.plugin.logging.Log;

/**
 * The goals' output through Maven's log, every line through {@link Redaction} (as the command
 * line's console): results and notices at info, Retort's verbose details at debug ({@code mvn -X}).
 */
final class MavenOutput {

  private final Log log;

  MavenOutput(Log log) {
    this.log = log;
  }

  void info(String line) {
    log.info(Redaction.redact(line));
  }

  void warning(String line) {
    log.warn(Redaction.redact(line));
  }

  void error(String line) {
    log.error(Redaction.redact(line));
  }

  void detail(String line) {
    if (log.isDebugEnabled()) {
      log.debug(Redaction.redact(line));
    }
  }

  /** A stack trace for {@code mvn -X}, redacted like every other line. */
  void stackTrace(Throwable e) {
    if (log.isDebugEnabled()) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.debug(Redaction.redact(trace.toString()));
    }
  }
}
