package dev.retort.reverse.tools;

import dev.retort.reverse.GenerationRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One Java enum per PostgreSQL enum type the entities use, its constants in the type's own order
 * (Hibernate writes the type's values alphabetically, Retort reads the order from the enum).
 * Hibernate Tools has no notion of enum types, so these are written here, in the same style.
 */
final class EnumSources {

  private EnumSources() {}

  static void write(CatalogFacts facts, GenerationRequest request, Set<String> types) {
    Path directory = request.outputDirectory().resolve(request.packageName().replace('.', '/'));
    for (String type : types) {
      String className = PostgresTypes.enumClassName(type);
      List<String> labels = facts.enumLabels().getOrDefault(type, List.of());
      String source =
          "package "
              + request.packageName()
              + ";\n\n"
              + "/** The PostgreSQL enum type {@code "
              + type
              + "}, its labels in the type's order. */\n"
              + "public enum "
              + className
              + " {\n"
              + "    "
              + String.join(",\n    ", labels)
              + "\n}\n";
      try {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(className + ".java"), source, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("writing " + className + ".java failed: " + e, e);
      }
    }
  }
}
