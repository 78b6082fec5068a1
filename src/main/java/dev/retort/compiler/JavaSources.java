package dev.retort.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finding Java sources. */
public final class JavaSources {

  private JavaSources() {}

  /**
   * The {@code .java} files of a directory, sorted; with {@code recursive}, of its subdirectories
   * too.
   */
  public static List<Path> in(Path directory, boolean recursive) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
