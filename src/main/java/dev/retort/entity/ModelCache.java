package dev.retort.entity;

import dev.retort.migration.Migration;
import dev.retort.schema.EnumType;
import dev.retort.schema.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the entity side computed on earlier runs, so that only what changed is computed again:
 * Hibernate's DDL and provenance, keyed by the compiled entity classes; and each table's
 * canonical form, keyed by that table's own DDL statements. A damaged or foreign cache file is
 * ignored (and replaced), never trusted.
 */
final class ModelCache {

  /** Hibernate's output for one set of entity classes; schema tokens normalized. */
  record HibernateEntry(List<String> ddl, EntityProvenance provenance, List<String> realSchemas) implements Serializable {}

  /** A table the comparison does not read (excluded, or in a schema outside the scope). */
  record Absent() implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static final Absent ABSENT = new Absent();

  /** Enum types and sequences as canonicalized from the shared statements. */
  record SharedEntry(List<EnumType> enumTypes, List<Sequence> sequences) implements Serializable {}

  private static final int KEEP_FILES = 8;

  private final Path directory;

  ModelCache(Path cacheRoot) {
    this.directory = cacheRoot.resolve("models");
  }

  HibernateEntry hibernate(String key) {
    return (HibernateEntry) read(directory.resolve("hibernate-" + key + ".ser"));
  }

  void putHibernate(String key, HibernateEntry entry) {
    write(directory.resolve("hibernate-" + key + ".ser"), entry);
  }

  /** Canonical tables and shared objects computed in one context (server, scope), by hash. */
  @SuppressWarnings("unchecked")
  Map<String, Serializable> canonical(String context) {
    Object value = read(directory.resolve("canonical-" + context + ".ser"));
    return value instanceof HashMap ? (Map<String, Serializable>) value : new HashMap<>();
  }

  void putCanonical(String context, Map<String, Serializable> entries) {
    write(directory.resolve("canonical-" + context + ".ser"), new HashMap<>(entries));
  }

  private static Object read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
      return objects.readObject();
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      return null;
    }
  }

  private void write(Path file, Object value) {
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "writing-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary); ObjectOutputStream objects = new ObjectOutputStream(out)) {
        objects.writeObject(value);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune();
    } catch (IOException e) {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  /** Keeps the most recent files; older model versions are not coming back. */
  private void prune() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".ser"))
          .sorted(Comparator.comparingLong(ModelCache::modified).reversed()).toList();
      for (Path old : all.subList(Math.min(KEEP_FILES, all.size()), all.size())) {
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

  /** A digest of some strings, for keys. */
  static String hash(Stream<String> parts) {
    MessageDigest digest = digest();
    parts.forEach(part -> {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    });
    return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /**
   * The key of a set of entity classes: every class file of the classpath's directories, every
   * jar's identity, the settings, the server version and Retort's own build.
   */
  static String classesKey(EntityClasspath classpath, List<String> packages, Map<String, String> settings, int major) {
    MessageDigest digest = digest();
    update(digest, retortBuild() + "|" + major + "|" + packages + "|" + new java.util.TreeMap<>(settings));
    for (Path entry : classpath.entries()) {
      try {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> files = Files.walk(entry)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
              update(digest, entry.relativize(file).toString());
              digest.update(Files.readAllBytes(file));
            }
          }
        } else {
          update(digest, entry + "|" + Files.size(entry) + "|" + Files.getLastModifiedTime(entry).toMillis());
        }
      } catch (IOException e) {
        update(digest, entry + "|unreadable");
      }
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /** Identifies Retort's build: a new Retort never trusts what an old one computed. */
  static String retortBuild() {
    try {
      URL location = Migration.class.getProtectionDomain().getCodeSource().getLocation();
      Path path = Path.of(location.toURI());
      Path marker = Files.isDirectory(path) ? path.resolve("dev/retort/entity/ModelCache.class") : path;
      return path + "@" + Files.getLastModifiedTime(marker).toMillis() + "/" + Files.size(marker);
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void update(MessageDigest digest, String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
