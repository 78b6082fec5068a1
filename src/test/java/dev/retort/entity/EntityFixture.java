package dev.retort.entity;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.compiler.CachedJavaCompiler;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.Schema;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * An entity set under {@code src/test/resources/entities/<name>}: Java sources in package
 * {@code fx.*}, plus {@code fixture.properties} ({@code schemas}, {@code hibernate.*}).
 */
public final class EntityFixture {

  public static final Path ROOT = Path.of("src/test/resources/entities");
  private static final Path CACHE = Path.of("target/retort-test-cache");

  private final String name;
  private final List<String> schemas;
  private final Map<String, String> hibernate;
  private final EntityClasspath classpath;
  public final List<String> warnings = new ArrayList<>();

  private EntityFixture(String name, List<String> schemas, Map<String, String> hibernate, EntityClasspath classpath) {
    this.name = name;
    this.schemas = schemas;
    this.hibernate = hibernate;
    this.classpath = classpath;
  }

  public static EntityFixture load(String name) {
    return load(ROOT.resolve(name));
  }

  public static EntityFixture load(Path directory) {
    Properties properties = new Properties();
    Path file = directory.resolve("fixture.properties");
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, String> hibernate = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("hibernate.")) {
        hibernate.put(key, properties.getProperty(key));
      }
    }
    List<String> schemas = List.of(properties.getProperty("schemas", "public").split(","));
    EntityClasspath classpath = EntityClasspath.resolve(List.of(), List.of(directory), directory, CACHE);
    return new EntityFixture(directory.getFileName().toString(), schemas, hibernate, classpath);
  }

  public String name() {
    return name;
  }

  public CatalogScope scope() {
    return CatalogScope.live(schemas, List.of(), List.of(), List.of());
  }

  public EntityModelReader reader() {
    return new EntityModelReader(
        new EntityModelReader.Settings(classpath, List.of("fx"), hibernate, scope(), null), warnings::add, new PhaseTimer());
  }

  /** The DDL the application would run, exactly (no scratch schemas). */
  public List<String> applicationDdl() {
    return reader().prepare(TestServer.get().majorVersion(), ScratchSchemas.identity(schemas)).ddl();
  }

  /** Creates the entities' schema in {@code db} as the application would, from Hibernate's DDL. */
  public void createIn(TestDatabase db) {
    List<String> statements = new ArrayList<>();
    for (String schema : schemas) {
      if (!schema.equals("public")) {
        statements.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
      }
    }
    statements.add("SET search_path TO " + schemas.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
    statements.addAll(applicationDdl());
    db.execute(statements.toArray(String[]::new));
  }

  /** The entity model, canonicalized through scratch schemas in {@code db}. */
  public EntityModel canonicalize(TestDatabase db) {
    EntityModelReader reader = reader();
    return reader.canonicalize(reader.prepare(TestServer.get().majorVersion()), db.url());
  }

  /** The live model of {@code db}, read as the comparison reads it. */
  public Schema readLive(TestDatabase db) {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schemas.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
      return new CatalogReader(scope()).read(connection);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
