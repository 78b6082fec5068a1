package dev.retort.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes hand-made migration sources for tests. */
public final class MigrationSourceFiles {

  private final Path directory;
  private final String packageName;

  public MigrationSourceFiles(Path directory, String packageName) {
    this.directory = directory;
    this.packageName = packageName;
  }

  public Path directory() {
    return directory;
  }

  /**
   * A migration class {@code className} with the given bodies (Java statements using {@code op}).
   */
  public Path write(
      String className, String id, String upgrade, String downgrade, String... revises) {
    return writeWithMembers(className, id, upgrade, downgrade, "", revises);
  }

  /** Like {@link #write}, with extra class members (such as a {@code transactional()} override). */
  public Path writeWithMembers(
      String className,
      String id,
      String upgrade,
      String downgrade,
      String extraMembers,
      String... revises) {
    String parents =
        Arrays.stream(revises)
            .map(r -> "\"" + r + "\"")
            .collect(Collectors.joining(", ", "{", "}"));
    String source =
        (packageName.isEmpty() ? "" : "package " + packageName + ";\n\n")
            + "import static dev.retort.migration.Dsl.*;\n"
            + "import dev.retort.migration.*;\n\n"
            + "@Revision(id = \""
            + id
            + "\", revises = "
            + parents
            + ", created = \"2026-01-01T00:00:00Z\","
            + " message = \""
            + className
            + "\")\n"
            + "public final class "
            + className
            + " implements Migration {\n"
            + "  @Override public void upgrade(Operations op) {\n    "
            + upgrade
            + "\n  }\n"
            + "  @Override public void downgrade(Operations op) {\n    "
            + downgrade
            + "\n  }\n"
            + extraMembers
            + "}\n";
    try {
      Files.createDirectories(directory);
      return Files.writeString(directory.resolve(className + ".java"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
