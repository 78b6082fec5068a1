package dev.retort.entity;

import dev.retort.RetortException;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/** Finds the classes Hibernate must know: entities, embeddables and mapped superclasses. */
public final class EntityScanner {

  private static final List<String> ANNOTATIONS = List.of(
      "jakarta.persistence.Entity", "jakarta.persistence.Embeddable", "jakarta.persistence.MappedSuperclass");

  private EntityScanner() {}

  /** Class names, sorted, so the model never depends on the order files were found in. */
  public static List<String> scan(EntityClasspath classpath, List<String> packages) {
    TreeSet<String> names = new TreeSet<>();
    boolean anyEntity = false;
    try (ScanResult scan =
        new ClassGraph()
            .overrideClasspath(classpath.entries().stream().map(Path::toString).toList())
            .acceptPackages(packages.toArray(String[]::new))
            .enableClassInfo()
            .enableAnnotationInfo()
            .ignoreClassVisibility()
            .scan()) {
      for (String annotation : ANNOTATIONS) {
        for (ClassInfo info : scan.getClassesWithAnnotation(annotation)) {
          names.add(info.getName());
          anyEntity |= annotation.endsWith(".Entity");
        }
      }
      if (!anyEntity) {
        throw RetortException.invalidInput(
            "no @Entity classes in " + String.join(", ", packages) + " on the entities classpath ("
                + classpath.entries().size() + " entries)",
            "check entities.packages, and that the classes are compiled");
      }
    }
    return List.copyOf(names);
  }
}
