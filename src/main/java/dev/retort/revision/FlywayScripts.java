package dev.retort.revision;

import dev.retort.error.RetortException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A Flyway history as Flyway reads it from a directory: versioned scripts {@code
 * V<version>__<description>.sql} in version order (each part compared as a number), their undo
 * scripts {@code U<version>__...}, and Flyway's checksum of each (CRC32 over the lines without
 * their line ends, as Flyway computes it), so that an import can be checked against {@code
 * flyway_schema_history}.
 */
public final class FlywayScripts {

  /** One versioned script. */
  public record Script(
      String version, String description, Path file, String sql, String undoSql, int checksum) {}

  private FlywayScripts() {}

  public static List<Script> in(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw RetortException.invalidInput(
          "the Flyway scripts directory " + directory + " does not exist",
          "give the directory holding V1__....sql (src/main/resources/db/migration in most projects)");
    }
    Map<String, Path> undo = new HashMap<>();
    List<Path> versioned = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".sql") || !name.contains("__")) {
          continue;
        }
        if (name.startsWith("V")) {
          versioned.add(file);
        } else if (name.startsWith("U")) {
          undo.put(version(name), file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Script> scripts = new ArrayList<>();
    for (Path file : versioned) {
      String name = file.getFileName().toString();
      String version = version(name);
      String description =
          name.substring(name.indexOf("__") + 2, name.length() - ".sql".length()).replace('_', ' ');
      String sql = read(file);
      Path undoFile = undo.get(version);
      scripts.add(
          new Script(
              version,
              description,
              file,
              sql,
              undoFile == null ? null : read(undoFile),
              checksum(sql)));
    }
    scripts.sort(Comparator.comparing(Script::version, FlywayScripts::compareVersions));
    for (int i = 1; i < scripts.size(); i++) {
      if (compareVersions(scripts.get(i - 1).version(), scripts.get(i).version()) == 0) {
        throw RetortException.invalidInput(
            "two Flyway scripts have version " + scripts.get(i).version(),
            "Flyway itself refuses this; rename one");
      }
    }
    return scripts;
  }

  /** {@code V1_2__x.sql} is version {@code 1.2}. */
  private static String version(String name) {
    return name.substring(1, name.indexOf("__")).replace('_', '.');
  }

  /** Versions compared part by part as numbers ({@code 1.10} after {@code 1.9}). */
  public static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
      BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
      int c = p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static String read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flyway's checksum: CRC32 over each line's UTF-8 bytes, line ends left out. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new StringReader(sql))) {
      String line;
      while ((line = reader.readLine()) != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }
}
