package dev.retort.entity;

import dev.retort.RetortException;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the classes Hibernate must know: entities, embeddables and mapped superclasses.
 *
 * <p>Whether a class file carries one of those annotations depends on its bytes alone, so what a
 * scan found is kept per class file (by content hash) and per jar (by identity): after an edit only
 * the changed class files are scanned again, which at a thousand entities saves most of the scan.
 */
public final class EntityScanner {

  private static final List<String> ANNOTATIONS =
      List.of(
          "jakarta.persistence.Entity",
          "jakarta.persistence.Embeddable",
          "jakarta.persistence.MappedSuperclass");

  private static final String UNNAMED = "unnamed:";

  /** An annotated class; {@code entity} when it is an {@code @Entity}. */
  record Found(String name, boolean entity) {}

  /**
   * What was found in each scanned unit: a directory's class file ({@code "class:" + hash}) or a
   * jar ({@code "jar:" + identity}); units with nothing annotated map to an empty list.
   */
  record Units(Map<String, List<Found>> found) {

    /** Whether a later run may reuse these units: each names a class file or a jar. */
    boolean reusable() {
      return found.keySet().stream().noneMatch(unit -> unit.startsWith(UNNAMED));
    }

    /** Class names, sorted, so the model never depends on the order files were found in. */
    List<String> classNames(EntityClasspath classpath, List<String> packages) {
      TreeSet<String> names = new TreeSet<>();
      boolean anyEntity = false;
      for (List<Found> unit : found.values()) {
        for (Found annotated : unit) {
          names.add(annotated.name());
          anyEntity |= annotated.entity();
        }
      }
      if (!anyEntity) {
        throw RetortException.invalidInput(
            "no @Entity classes in "
                + String.join(", ", packages)
                + " on the entities classpath ("
                + classpath.entries().size()
                + " entries)",
            "check entities.packages, and that the classes are compiled");
      }
      return List.copyOf(names);
    }
  }

  private EntityScanner() {}

  /** Scans the whole classpath. */
  public static List<String> scan(EntityClasspath classpath, List<String> packages) {
    return scan(classpath, packages, ClassFiles.read(classpath), Map.of(), null)
        .classNames(classpath, packages);
  }

  /**
   * Scans what {@code known} (an earlier run's units) does not cover: only the new or changed class
   * files when every jar is as before, else everything. Units no longer on the classpath are not in
   * the result, so a cache of it stays the size of the classpath.
   *
   * @param loader the entities' class loader, which then reads the changed classes' annotations
   *     (cheaper than starting a scan for a few files, and Hibernate loads them anyway); null to
   *     read them with ClassGraph
   */
  static Units scan(
      EntityClasspath classpath,
      List<String> packages,
      ClassFiles files,
      Map<String, List<Found>> known,
      ClassLoader loader) {
    Map<String, ClassFiles.ClassFile> classUnits = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (ClassFiles.ClassFile file : files.classes()) {
      // The first directory holding a class name wins, as in the class loader.
      if (accepted(file.name(), packages) && seen.add(file.name())) {
        classUnits.put("class:" + file.hash(), file);
      }
    }
    Map<String, ClassFiles.Jar> jarUnits = new LinkedHashMap<>();
    files.jars().forEach(jar -> jarUnits.put("jar:" + jar.identity(), jar));

    Map<String, List<Found>> found = new LinkedHashMap<>();
    if (known.isEmpty()
        || !known.keySet().containsAll(jarUnits.keySet())
        || annotatedClassGone(known, classUnits)) {
      scanEverything(classpath, packages, classUnits, jarUnits, found);
      return new Units(found);
    }
    jarUnits.keySet().forEach(unit -> found.put(unit, known.get(unit)));
    List<ClassFiles.ClassFile> changed = new ArrayList<>();
    classUnits.forEach(
        (unit, file) -> {
          if (known.containsKey(unit)) {
            found.put(unit, known.get(unit));
          } else {
            changed.add(file);
          }
        });
    if (!changed.isEmpty()) {
      Map<String, List<Found>> byName = loader == null ? null : readLoaded(loader, changed);
      if (byName == null) {
        byName = scanClasses(classpath, changed);
      }
      for (ClassFiles.ClassFile file : changed) {
        found.put("class:" + file.hash(), byName.getOrDefault(file.name(), List.of()));
      }
    }
    return new Units(found);
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

  /**
   * The changed classes' own annotations by class name, read from the loaded classes; null when one
   * of them cannot be loaded, for ClassGraph, which reads the bytes alone.
   */
  private static Map<String, List<Found>> readLoaded(
      ClassLoader loader, List<ClassFiles.ClassFile> changed) {
    Map<String, List<Found>> byName = new HashMap<>();
    try {
      for (ClassFiles.ClassFile file : changed) {
        Class<?> type = Class.forName(file.name(), false, loader);
        boolean entity = false;
        boolean annotated = false;
        for (java.lang.annotation.Annotation annotation : type.getDeclaredAnnotations()) {
          String name = annotation.annotationType().getName();
          annotated |= ANNOTATIONS.contains(name);
          entity |= name.equals(ANNOTATIONS.get(0));
        }
        byName.put(file.name(), annotated ? List.of(new Found(file.name(), entity)) : List.of());
      }
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return null;
    }
    return byName;
  }

  private static void scanEverything(
      EntityClasspath classpath,
      List<String> packages,
      Map<String, ClassFiles.ClassFile> classUnits,
      Map<String, ClassFiles.Jar> jarUnits,
      Map<String, List<Found>> found) {
    classUnits.keySet().forEach(unit -> found.put(unit, new ArrayList<>()));
    jarUnits.keySet().forEach(unit -> found.put(unit, new ArrayList<>()));
    Map<String, String> unitByClass = new HashMap<>();
    Map<String, Path> directoryByClass = new HashMap<>();
    classUnits.forEach(
        (unit, file) -> {
          unitByClass.put(file.name(), unit);
          directoryByClass.put(file.name(), normalized(classpath.entries().get(file.entry())));
        });
    Map<Path, String> unitByJar = new HashMap<>();
    jarUnits.forEach(
        (unit, jar) -> unitByJar.put(normalized(classpath.entries().get(jar.entry())), unit));
    try (ScanResult scan =
        classGraph(classpath.entries()).acceptPackages(packages.toArray(String[]::new)).scan()) {
      for (Found annotated : annotated(scan)) {
        // Filed under the element the class was read from, which the class loader also uses.
        Path element =
            normalized(scan.getClassInfo(annotated.name()).getClasspathElementFile().toPath());
        String unit =
            element.equals(directoryByClass.get(annotated.name()))
                ? unitByClass.get(annotated.name())
                : directoryByClass.containsKey(annotated.name()) ? null : unitByJar.get(element);
        if (unit == null) {
          // Somewhere Retort cannot name (a nested jar, a package pattern), or a class that is in a
          // directory and a jar both: used, never cached.
          unit = UNNAMED + annotated.name();
        }
        found.computeIfAbsent(unit, u -> new ArrayList<>()).add(annotated);
      }
    }
  }

  /** The changed classes' own annotations by class name, read by ClassGraph. */
  private static Map<String, List<Found>> scanClasses(
      EntityClasspath classpath, List<ClassFiles.ClassFile> changed) {
    Set<Path> directories = new java.util.LinkedHashSet<>();
    changed.forEach(file -> directories.add(classpath.entries().get(file.entry())));
    Map<String, List<Found>> byName = new HashMap<>();
    try (ScanResult scan =
        classGraph(List.copyOf(directories))
            .acceptClasses(changed.stream().map(ClassFiles.ClassFile::name).toArray(String[]::new))
            .scan()) {
      for (Found annotated : annotated(scan)) {
        byName.put(annotated.name(), List.of(annotated));
      }
    }
    return byName;
  }

  private static ClassGraph classGraph(List<Path> entries) {
    return new ClassGraph()
        .overrideClasspath(entries.stream().map(Path::toString).toList())
        .enableClassInfo()
        .enableAnnotationInfo()
        .ignoreClassVisibility();
  }

  /**
   * Classes annotated directly: JPA does not look through meta-annotations, so neither do we (and a
   * class file's own bytes then decide, which is what makes the per-file cache sound).
   */
  private static List<Found> annotated(ScanResult scan) {
    Map<String, Boolean> entity = new LinkedHashMap<>();
    for (String annotation : ANNOTATIONS) {
      for (ClassInfo info : scan.getClassesWithAnnotation(annotation)) {
        if (info.getAnnotationInfo().directOnly().containsName(annotation)) {
          entity.merge(info.getName(), annotation.endsWith(".Entity"), Boolean::logicalOr);
        }
      }
    }
    return entity.entrySet().stream().map(e -> new Found(e.getKey(), e.getValue())).toList();
  }

  private static boolean accepted(String className, List<String> packages) {
    return packages.isEmpty()
        || packages.stream().anyMatch(p -> p.isEmpty() || className.startsWith(p + "."));
  }

  private static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
