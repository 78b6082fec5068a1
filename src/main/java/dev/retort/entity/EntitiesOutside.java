package dev.retort.entity;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code @Entity} classes among the project's own compiled classes (the classpath's
 * directories, never its jars) that {@code entities.packages} leaves out: a user who forgot a
 * package would otherwise hear "No changes detected" for entities Retort never looked at.
 */
public final class EntitiesOutside {

  private EntitiesOutside() {}

  /**
   * @param packages the scanned packages; with none, every {@code @Entity} class is outside
   * @return the class names, sorted
   */
  public static List<String> of(
      EntityClasspath classpath, List<String> packages, EntityScanner scanner) {
    List<ClassFiles.ClassFile> candidates =
        classpath.classFiles().mentioningEntityOutside(packages);
    if (candidates.isEmpty()) {
      return List.of();
    }
    TreeSet<String> entities = new TreeSet<>();
    Map<String, List<EntityScanner.Found>> byName = scanner.scanClasses(classpath, candidates);
    byName.values().stream()
        .flatMap(List::stream)
        .filter(EntityScanner.Found::entity)
        .forEach(found -> entities.add(found.name()));
    return List.copyOf(entities);
  }

  /**
   * One line for a user: how many, one or two of them, and what to do; null when there are none.
   */
  public static String warning(List<String> outside) {
    if (outside.isEmpty()) {
      return null;
    }
    String examples =
        String.join(", ", outside.subList(0, Math.min(2, outside.size())))
            + (outside.size() > 2 ? ", ..." : "");
    return outside.size()
        + (outside.size() == 1 ? " @Entity class is" : " @Entity classes are")
        + " outside entities.packages and not compared ("
        + examples
        + "); add "
        + (outside.size() == 1 ? "its package" : "their packages")
        + " to entities.packages to include "
        + (outside.size() == 1 ? "it" : "them");
  }
}
