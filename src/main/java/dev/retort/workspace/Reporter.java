package dev.retort.workspace;

import dev.retort.runtime.RunListener;

/**
 * What the use cases report while they work, for whoever shows it: the command line prints it, the
 * Maven plugin logs it, an application may ignore it. Results are returned, never reported.
 */
public interface Reporter extends RunListener {

  Reporter SILENT = new Reporter() {};

  /** A transient line about what is happening now ("Comparing ..."). */
  default void progress(String line) {}

  /** The transient line is over. */
  default void endProgress() {}

  /** A line worth saying in normal output, such as which database a command writes to. */
  default void notice(String line) {}

  /** A detail for verbose output: settings, timings. */
  default void detail(String line) {}

  /** Told about the migrations applied to an embedded server on the way to a comparison. */
  default RunListener embedded() {
    return RunListener.SILENT;
  }
}
