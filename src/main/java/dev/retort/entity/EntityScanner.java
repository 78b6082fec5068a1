package dev.retort.entity;

import dev.retort.error.RetortException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the classes Hibernate must know: entities, embeddables and mapped superclasses, annotated
 * directly (JPA does not look through meta-annotations, so a class file's own bytes decide).
 * Results are filed by the unit they were read from, a directory's class file ({@link
 * ClassFiles.ClassFile#unit()}) or a jar ({@link ClassFiles.Jar#unit()}), so a later run can reuse
 * what did not change.
 */
public interface EntityScanner {

  /** Marks a unit Retort cannot name (a nested jar, a class in both a directory and a jar). */
  String UNNAMED = "unnamed:";

  /** An annotated class; {@code entity} when it is an {@code @Entity}. */
  record Found(String name, boolean entity) {}

  /** What each scanned unit holds; units with nothing annotated map to an empty list. */
  record Units(Map<String, List<Found>> found) {

    /** Whether a later run may reuse these units: each names a class file or a jar. */
    public boolean reusable() {
      return found.keySet().stream().noneMatch(unit -> unit.startsWith(UNNAMED));
    }

    /** Class names, sorted, so the model never depends on the order files were found in. */
    public List<String> classNames(EntityClasspath classpath, List<String> packages) {
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

  /** Every annotated class of the packages, filed under the unit it was read from. */
  Units scan(EntityClasspath classpath, List<String> packages);

  /** The annotated classes among some class files of the classpath's directories, by name. */
  Map<String, List<Found>> scanClasses(EntityClasspath classpath, List<ClassFiles.ClassFile> files);
}
