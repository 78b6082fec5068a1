package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.reverse.GenerationRequest;
import dev.retort.reverse.HibernateToolsRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code entities --from-database}: JPA entity sources for the configured database's tables, by
 * Hibernate Tools' reverse engineering ({@link HibernateToolsRuntime}), in the configured schemas
 * and within {@code include}/{@code exclude}, Retort's own tables left out. The sources are
 * generated into a scratch directory first, so an existing file stops the run before anything is
 * written (unless {@code force}).
 */
public final class EntitiesFromDatabase {

  /**
   * @param files the files written, sorted
   */
  public record Generated(
      Path directory, String packageName, List<Path> files, String toolsVersion) {}

  /** Retort's templates, overriding Hibernate Tools' own of the same names. */
  private static final List<String> TEMPLATES =
      List.of(
          "pojo/Pojo.ftl",
          "pojo/PojoTypeDeclaration.ftl",
          "pojo/Ejb3TypeDeclaration.ftl",
          "pojo/PojoFields.ftl",
          "pojo/PojoPropertyAccessors.ftl",
          "pojo/Ejb3PropertyGetAnnotation.ftl");

  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private final RetortConfig config;
  private final Map<String, String> environment;

  EntitiesFromDatabase(RetortConfig config, Map<String, String> environment) {
    this.config = config;
    this.environment = environment;
  }

  Generated generate(DatabaseUrl database, String packageName, Path out, boolean force) {
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw RetortException.invalidInput(
          "--package " + packageName + " is not a Java package name",
          "give one like com.example.model");
    }
    try (Connection connection = Connections.open(database)) {
      // Reachable: Hibernate Tools' own connection failures would say less.
    } catch (SQLException e) {
      throw Connections.unavailable(database, e);
    }
    Path scratch = createScratch();
    try {
      Path generated = scratch.resolve("sources");
      Files.createDirectories(generated);
      GenerationRequest request =
          new GenerationRequest(
              database.jdbcUrl(),
              database.user(),
              database.password(),
              config.schemas(),
              packageName,
              keepTable(),
              templates(scratch.resolve("templates")),
              generated);
      List<String> files;
      String version;
      try (HibernateToolsRuntime tools = HibernateToolsRuntime.load(environment)) {
        version = tools.generator().toolsVersion();
        files = generateWith(tools, request);
      }
      if (files.isEmpty()) {
        throw RetortException.invalidInput(
            "no table to generate an entity for in schema(s) "
                + String.join(", ", config.schemas()),
            "check schemas, include and exclude in the configuration");
      }
      Path target = out.toAbsolutePath().normalize();
      List<Path> existing =
          files.stream().map(target::resolve).filter(Files::exists).sorted().toList();
      if (!existing.isEmpty() && !force) {
        throw RetortException.invalidInput(
            existing.get(0)
                + " already exists"
                + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more)" : "")
                + "; nothing was written",
            "pass --force to overwrite, or choose another --out or --package");
      }
      List<Path> written = new ArrayList<>();
      for (String file : files) {
        Path destination = target.resolve(file);
        Files.createDirectories(destination.getParent());
        Files.copy(generated.resolve(file), destination, StandardCopyOption.REPLACE_EXISTING);
        written.add(destination);
      }
      return new Generated(target, packageName, written, version);
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot write the entity sources: " + e.getMessage(),
          "check that --out is a writable directory",
          e);
    } finally {
      delete(scratch);
    }
  }

  /** Hibernate Tools' own failures carry no exit code: they are Retort's to explain. */
  private static List<String> generateWith(HibernateToolsRuntime tools, GenerationRequest request) {
    try {
      return tools.generator().generate(request);
    } catch (RetortException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RetortException(
          ExitCode.INTERNAL,
          "Hibernate Tools failed to generate the entities: " + Connections.firstLine(e),
          "run with -v for the stack trace, and report it",
          e);
    }
  }

  /** The configured schemas' tables within include/exclude, without Retort's own. */
  private BiPredicate<String, String> keepTable() {
    CatalogScope scope = Replays.scope(config);
    return (schema, table) -> !scope.isIgnored(scope.modelName(schema, table));
  }

  private static Path createScratch() {
    try {
      return Files.createTempDirectory("retort-entities");
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot create a temporary directory: " + e.getMessage(),
          "check java.io.tmpdir (TMPDIR) is writable",
          e);
    }
  }

  private static Path templates(Path directory) throws IOException {
    for (String name : TEMPLATES) {
      Path file = directory.resolve(name);
      Files.createDirectories(file.getParent());
      try (InputStream in =
          EntitiesFromDatabase.class.getResourceAsStream("/dev/retort/reverse/templates/" + name)) {
        if (in == null) {
          throw new IllegalStateException("Retort's template " + name + " is missing");
        }
        Files.copy(in, file);
      }
    }
    return directory;
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A scratch directory left in the temporary directory harms nothing.
    }
  }
}
