package dev.retort.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of cache files in {@link SchemaCodec}'s format: written atomically, read only when of
 * this format version, pruned to the most recent files. A damaged, foreign or missing file reads as
 * nothing, never as an error: a cache can only cost time, never correctness.
 */
public final class CacheDirectory {

  /** Reads a file's content after the version header. */
  public interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** Writes a file's content after the version header. */
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private final Path directory;
  private final int keep;

  public CacheDirectory(Path directory, int keep) {
    this.directory = directory;
    this.keep = keep;
  }

  /** The file's content, or null when there is no usable file. */
  public <T> T read(String name, Reader<T> reader) {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      return in.readInt() == SchemaCodec.VERSION ? reader.read(in) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public void write(String name, Writer writer) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "writing-", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(SchemaCodec.VERSION);
        writer.write(out);
      }
      Files.move(
          temporary,
          directory.resolve(name),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      prune();
    } catch (IOException e) {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  /** Keeps the most recent files; what older runs computed is not coming back. */
  private void prune() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> all =
          files
              .filter(f -> f.toString().endsWith(".bin"))
              .sorted(Comparator.comparingLong(CacheDirectory::modified).reversed())
              .toList();
      for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
        Files.deleteIfExists(old);
      }
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
