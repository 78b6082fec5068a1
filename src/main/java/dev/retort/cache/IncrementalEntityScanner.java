package dev.retort.cache;

import dev.retort.digest.Digests;
import dev.retort.entity.ClassFiles;
import dev.retort.entity.EntityClasspath;
import dev.retort.entity.EntityScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scans only what changed: whether a class file carries a JPA annotation depends on its bytes
 * alone, so an earlier scan's findings are kept per class file (by content) and per jar (by
 * identity), and after an edit only the new or changed class files are scanned. A changed jar, or a
 * gone class file that was annotated (a copy elsewhere on the classpath may now count), means a
 * whole scan.
 */
public final class IncrementalEntityScanner implements EntityScanner {

  private final EntityScanner scanner;
  private final CacheDirectory directory;

  public IncrementalEntityScanner(EntityScanner scanner, Path cacheRoot) {
    this.scanner = scanner;
    this.directory = new CacheDirectory(cacheRoot.resolve("models"), 8);
  }

  @Override
  public Units scan(EntityClasspath classpath, List<String> packages) {
    ClassFiles files = classpath.classFiles();
    if (!files.complete()) {
      return scanner.scan(classpath, packages);
    }
    String file = fileName(packages);
    Units units = scan(classpath, packages, files, read(file));
    if (units.reusable()) {
      write(file, units);
    }
    return units;
  }

  /** Package-visible for tests: the incremental scan given an earlier run's units. */
  Units scan(
      EntityClasspath classpath,
      List<String> packages,
      ClassFiles files,
      Map<String, List<Found>> known) {
    Map<String, ClassFiles.ClassFile> classUnits = files.inPackages(packages);
    Map<String, ClassFiles.Jar> jarUnits = files.jarUnits();
    if (known.isEmpty()
        || !known.keySet().containsAll(jarUnits.keySet())
        || annotatedClassGone(known, classUnits)) {
      return scanner.scan(classpath, packages);
    }
    Map<String, List<Found>> found = new LinkedHashMap<>();
    jarUnits.keySet().forEach(unit -> found.put(unit, known.get(unit)));
    List<ClassFiles.ClassFile> changed = new ArrayList<>();
    classUnits.forEach(
        (unit, classFile) -> {
          if (known.containsKey(unit)) {
            found.put(unit, known.get(unit));
          } else {
            changed.add(classFile);
          }
        });
    if (!changed.isEmpty()) {
      Map<String, List<Found>> byName = scanner.scanClasses(classpath, changed);
      for (ClassFiles.ClassFile classFile : changed) {
        found.put(classFile.unit(), byName.getOrDefault(classFile.name(), List.of()));
      }
    }
    return new Units(found);
  }

  @Override
  public Map<String, List<Found>> scanClasses(
      EntityClasspath classpath, List<ClassFiles.ClassFile> files) {
    return scanner.scanClasses(classpath, files);
  }

  /**
   * Whether an annotated class file of the earlier scan is gone: a copy of the class elsewhere on
   * the classpath, which that scan saw as shadowed, may now be the one that counts.
   */
  private static boolean annotatedClassGone(
      Map<String, List<Found>> known, Map<String, ClassFiles.ClassFile> classUnits) {
    Set<String> present = new HashSet<>();
    classUnits.values().forEach(file -> present.add(file.name()));
    return known.entrySet().stream()
        .filter(
            unit -> unit.getKey().startsWith("class:") && !classUnits.containsKey(unit.getKey()))
        .flatMap(unit -> unit.getValue().stream())
        .anyMatch(annotated -> !present.contains(annotated.name()));
  }

  private static String fileName(List<String> packages) {
    return "scan-"
        + Digests.of(Stream.concat(Stream.of(RetortBuild.id()), packages.stream()))
        + ".bin";
  }

  private Map<String, List<Found>> read(String file) {
    Map<String, List<Found>> units =
        directory.read(
            file,
            in -> {
              Map<String, List<Found>> read = new HashMap<>();
              for (int count = in.readInt(); count > 0; count--) {
                String unit = SchemaCodec.string(in);
                List<Found> found = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                  found.add(new Found(SchemaCodec.string(in), in.readBoolean()));
                }
                read.put(unit, found);
              }
              return read;
            });
    return units == null ? Map.of() : units;
  }

  private void write(String file, Units units) {
    directory.write(
        file,
        out -> {
          out.writeInt(units.found().size());
          for (Map.Entry<String, List<Found>> unit : new TreeMap<>(units.found()).entrySet()) {
            SchemaCodec.string(out, unit.getKey());
            out.writeInt(unit.getValue().size());
            for (Found found : unit.getValue()) {
              SchemaCodec.string(out, found.name());
              out.writeBoolean(found.entity());
            }
          }
        });
  }
}
