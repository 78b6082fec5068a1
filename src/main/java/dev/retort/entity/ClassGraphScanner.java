package dev.retort.entity;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scans with ClassGraph; a few changed classes are read through the entities' class loader. */
public final class ClassGraphScanner implements EntityScanner {

  private static final List<String> ANNOTATIONS =
      List.of(
          "jakarta.persistence.Entity",
          "jakarta.persistence.Embeddable",
          "jakarta.persistence.MappedSuperclass");

  private final boolean throughLoader;

  public ClassGraphScanner() {
    this(true);
  }

  /**
   * @param throughLoader whether changed classes are read through the entities' class loader before
   *     ClassGraph is started for them
   */
  public ClassGraphScanner(boolean throughLoader) {
    this.throughLoader = throughLoader;
  }

  @Override
  public Units scan(EntityClasspath classpath, List<String> packages) {
    Map<String, List<Found>> found = new LinkedHashMap<>();
    ClassFiles files = classpath.classFiles();
    scanEverything(classpath, packages, files.inPackages(packages), files.jarUnits(), found);
    return new Units(found);
  }

  /**
   * Reads the classes' annotations through the entities' class loader (cheaper than starting a scan
   * for a few files, and Hibernate loads them anyway), or with ClassGraph when one of them cannot
   * be loaded.
   */
  @Override
  public Map<String, List<Found>> scanClasses(
      EntityClasspath classpath, List<ClassFiles.ClassFile> files) {
    Map<String, List<Found>> byName =
        throughLoader ? readLoaded(classpath.classLoader(), files) : null;
    return byName != null ? byName : scanWithClassGraph(classpath, files);
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
        for (Annotation annotation : type.getDeclaredAnnotations()) {
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
  private static Map<String, List<Found>> scanWithClassGraph(
      EntityClasspath classpath, List<ClassFiles.ClassFile> changed) {
    Set<Path> directories = new LinkedHashSet<>();
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

  private static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
