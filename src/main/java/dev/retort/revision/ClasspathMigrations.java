package dev.retort.revision;

import dev.retort.migration.Revision;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.List;

/**
 * Migrations compiled into an application, found on its classpath by package: what an application
 * uses to upgrade at start-up.
 */
public final class ClasspathMigrations implements MigrationSource {

  private final ClassLoader loader;
  private final String packageName;

  public ClasspathMigrations(ClassLoader loader, String packageName) {
    this.loader = loader;
    this.packageName = packageName;
  }

  @Override
  public String describe() {
    return "package " + packageName;
  }

  @Override
  public List<MigrationScript> load() {
    try (ScanResult scan =
        new ClassGraph()
            .overrideClassLoaders(loader)
            .ignoreParentClassLoaders()
            .acceptPackages(packageName)
            .enableAnnotationInfo()
            .enableClassInfo()
            .scan()) {
      List<Class<?>> types =
          scan.getClassesWithAnnotation(Revision.class.getName()).stream()
              .filter(info -> !info.isInnerClass())
              .sorted((a, b) -> a.getName().compareTo(b.getName()))
              .<Class<?>>map(info -> info.loadClass())
              .toList();
      return MigrationClasses.scripts(types, Class::getName);
    }
  }
}
