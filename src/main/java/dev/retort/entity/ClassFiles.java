package dev.retort.entity;

import dev.retort.digest.Digests;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entity classpath's class files, read once per run: each directory's class files by content
 * hash, and each jar by its identity (path, size, modification time; reading every jar would cost
 * more than it saves). Both the Hibernate cache key and the scan cache are made from this; when a
 * file could not be read ({@code complete} is false) neither cache is used, since nothing would
 * notice that file change.
 */
public record ClassFiles(List<ClassFile> classes, List<Jar> jars, boolean complete) {

  /**
   * A class file in a classpath directory; {@code entry} is the directory's classpath position.
   *
   * @param mentionsEntity whether its bytes name {@code @Entity} at all: only such a class can be
   *     one (found while hashing, so telling the entities outside the scanned packages apart costs
   *     no second read)
   */
  public record ClassFile(
      int entry, String relativePath, String name, String hash, boolean mentionsEntity) {
    /** The unit a scan files this class file's findings under: its content. */
    public String unit() {
      return "class:" + hash;
    }
  }

  /** A jar (or anything else that is not a directory) and what stands for its content. */
  public record Jar(int entry, String identity) {
    /** The unit a scan files this jar's findings under: its identity. */
    public String unit() {
      return "jar:" + identity;
    }
  }

  /**
   * The class files of the packages by unit, the first directory holding a class name winning, as
   * in the class loader.
   */
  public Map<String, ClassFile> inPackages(List<String> packages) {
    Map<String, ClassFile> units = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (ClassFile file : classes) {
      if (accepted(file.name(), packages) && seen.add(file.name())) {
        units.put(file.unit(), file);
      }
    }
    return units;
  }

  /** The jars by unit. */
  public Map<String, Jar> jarUnits() {
    Map<String, Jar> units = new LinkedHashMap<>();
    jars.forEach(jar -> units.put(jar.unit(), jar));
    return units;
  }

  private static boolean accepted(String className, List<String> packages) {
    return packages.isEmpty()
        || packages.stream().anyMatch(p -> p.isEmpty() || className.startsWith(p + "."));
  }

  static ClassFiles read(EntityClasspath classpath) {
    List<ClassFile> classes = new ArrayList<>();
    List<Jar> jars = new ArrayList<>();
    boolean complete = true;
    for (int index = 0; index < classpath.entries().size(); index++) {
      Path entry = classpath.entries().get(index);
      try {
        if (Files.isDirectory(entry)) {
          try (Stream<Path> files = Files.walk(entry)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
              String relative = entry.relativize(file).toString().replace(File.separatorChar, '/');
              try {
                byte[] content = Files.readAllBytes(file);
                classes.add(
                    new ClassFile(
                        index,
                        relative,
                        binaryName(relative),
                        Digests.of(content),
                        contains(content, ENTITY_DESCRIPTOR)));
              } catch (IOException e) {
                complete = false;
              }
            }
          }
        } else {
          jars.add(
              new Jar(
                  index,
                  entry
                      + "|"
                      + Files.size(entry)
                      + "|"
                      + Files.getLastModifiedTime(entry).toMillis()));
        }
      } catch (IOException | UncheckedIOException e) {
        complete = false;
      }
    }
    return new ClassFiles(List.copyOf(classes), List.copyOf(jars), complete);
  }

  /** How a class file's constant pool names the annotation type of an {@code @Entity}. */
  private static final byte[] ENTITY_DESCRIPTOR =
      "Ljakarta/persistence/Entity;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean contains(byte[] content, byte[] part) {
    outer:
    for (int i = 0; i <= content.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (content[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The class files outside {@code packages} (all of them when there are none) whose bytes name
   * {@code @Entity}, the first copy of a class name only.
   */
  public List<ClassFile> mentioningEntityOutside(List<String> packages) {
    Set<String> inside = new HashSet<>();
    if (!packages.isEmpty()) {
      inPackages(packages).values().forEach(file -> inside.add(file.name()));
    }
    Set<String> seen = new HashSet<>();
    List<ClassFile> found = new ArrayList<>();
    for (ClassFile file : classes) {
      if (seen.add(file.name()) && !inside.contains(file.name()) && file.mentionsEntity()) {
        found.add(file);
      }
    }
    return found;
  }

  /** {@code com/acme/Order$Line.class} is {@code com.acme.Order$Line}, as ClassGraph names it. */
  static String binaryName(String relativePath) {
    return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
  }
}
