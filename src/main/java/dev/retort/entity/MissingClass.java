package dev.retort.entity;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A class the entities need that the entities classpath does not hold (an entity listener's aspect,
 * a converter's library): named as the classpath problem it is, with the classes that need it, so
 * the user adds a jar instead of searching a mapping that is fine.
 */
final class MissingClass {

  private MissingClass() {}

  /** The classpath problem behind {@code failure}, if a class could not be found. */
  static Optional<RetortException> explain(
      Throwable failure, EntityClasspath classpath, List<String> entityClasses) {
    Optional<String> missing = missingClassName(failure);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String name = missing.get();
    String internal = name.replace('.', '/');
    List<String> needers = applicationClassesNaming(classpath, internal);
    TreeSet<String> entities = new TreeSet<>();
    for (String entity : entityClasses) {
      byte[] bytes = classBytes(classpath, entity);
      if (bytes == null) {
        continue;
      }
      if (contains(bytes, internal)
          || needers.stream().anyMatch(n -> contains(bytes, n.replace('.', '/')))) {
        entities.add(entity);
      }
    }
    StringBuilder message =
        new StringBuilder("class ").append(name).append(" is missing from the entities classpath");
    List<String> direct = needers.stream().filter(n -> !entityClasses.contains(n)).toList();
    if (!direct.isEmpty()) {
      message.append("; ").append(String.join(", ", direct)).append(" needs it");
    }
    if (!entities.isEmpty()) {
      message
          .append(direct.isEmpty() ? "; entity " : " (used by entity ")
          .append(String.join(", ", entities))
          .append(direct.isEmpty() ? " needs it" : ")");
    }
    return Optional.of(
        new RetortException(
            ExitCode.INVALID_INPUT,
            message.toString(),
            "the mapping is fine: add the jar holding "
                + name
                + " to entities.classpath (in a Maven project, a dependency of runtime scope)",
            failure));
  }

  /**
   * The name of the class a failure could not find: the deepest cause that names one (outer
   * wrappers such as a {@code TypeNotPresentException} may say {@code [unknown]}).
   */
  static Optional<String> missingClassName(Throwable failure) {
    String found = null;
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      String name = null;
      if (e instanceof NoClassDefFoundError && e.getMessage() != null) {
        // "Could not initialize class X" is a failing static initializer, not a missing class.
        if (!e.getMessage().startsWith("Could not initialize class")) {
          name = e.getMessage();
        }
      } else if (e instanceof ClassNotFoundException && e.getMessage() != null) {
        name = e.getMessage();
      } else if (e instanceof TypeNotPresentException typeNotPresent) {
        name = typeNotPresent.typeName();
      }
      if (name != null && name.strip().matches("[\\w$./]+")) {
        found = name.strip().replace('/', '.');
      }
    }
    return Optional.ofNullable(found);
  }

  /** The application's own classes (in classpath directories) whose class files name a class. */
  private static List<String> applicationClassesNaming(
      EntityClasspath classpath, String internalName) {
    List<String> classes = new ArrayList<>();
    for (ClassFiles.ClassFile file : classpath.classFiles().classes()) {
      Path path = classpath.entries().get(file.entry()).resolve(file.relativePath());
      try {
        if (contains(Files.readAllBytes(path), internalName)) {
          classes.add(file.name());
        }
      } catch (IOException e) {
        // An unreadable class file only makes the message less specific.
      }
    }
    return classes;
  }

  private static byte[] classBytes(EntityClasspath classpath, String className) {
    try (InputStream in =
        classpath.classLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether a class file's constant pool holds a name (its UTF-8 bytes appear in the file). */
  private static boolean contains(byte[] classFile, String internalName) {
    byte[] needle = internalName.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= classFile.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (classFile[i + j] != needle[j]) {
          continue outer;
        }
      }
      int end = i + needle.length;
      // The whole name: followed by the end of the string, a ';' (descriptor) or '<' (generic).
      if (end == classFile.length
          || classFile[end] == ';'
          || classFile[end] == '<'
          || classFile[end] < 0x20) {
        return true;
      }
    }
    return false;
  }
}
