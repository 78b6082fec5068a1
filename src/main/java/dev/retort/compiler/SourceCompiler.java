package dev.retort.compiler;

import dev.retort.error.ExitCode;
import java.nio.file.Path;
import java.util.List;

/** Compiles Java sources (migrations, or entities given as sources) into a directory of classes. */
public interface SourceCompiler {

  /** What is being compiled, for the cache layout and for messages. */
  record Kind(String folder, String noun, ExitCode exitCode) {
    public static final Kind MIGRATIONS =
        new Kind("migrations", "migration", ExitCode.MIGRATION_FAILED);
    public static final Kind ENTITIES =
        new Kind("entities", "entity source", ExitCode.INVALID_INPUT);
  }

  /**
   * @param classpath entries the sources may use besides Retort's own (the application's)
   * @return the directory holding the compiled classes
   */
  Path compile(Kind kind, List<Path> sources, List<Path> classpath);
}
