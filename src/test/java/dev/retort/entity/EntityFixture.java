package dev.retort.entity;

import dev.retort.cache.CachedCompiler;
import dev.retort.canonical.JavaEnumTypes;
import dev.retort.canonical.ScratchCanonicalizer;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EntityModel;
import dev.retort.schema.Schema;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import dev.retort.timing.PhaseTimer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * An entity set under {@code src/test/resources/entities/<name>}: Java sources in package {@code
 * fx.*}, plus {@code fixture.properties} ({@code schemas}, {@code hibernate.*}, and {@code
 * hibernate-bug}: why Hibernate cannot create this schema itself, which Retort's corrections fix).
 */
public final class EntityFixture {

  public static final Path ROOT = Path.of("src/test/resources/entities");
  private static final Path CACHE = Path.of("target/retort-test-cache");

  private final String name;
  private final List<String> schemas;
  private final Map<String, String> hibernate;
  private final EntityClasspath classpath;
  private final String hibernateBug;
  public final List<String> warnings = new ArrayList<>();

  private EntityFixture(
      String name,
      List<String> schemas,
      Map<String, String> hibernate,
      EntityClasspath classpath,
      String hibernateBug) {
    this.name = name;
    this.schemas = schemas;
    this.hibernate = hibernate;
    this.classpath = classpath;
    this.hibernateBug = hibernateBug;
  }

  /** Why Hibernate's own DDL fails for this fixture, or null when it works. */
  public String hibernateBug() {
    return hibernateBug;
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
    EntityClasspath classpath =
        EntityClasspath.resolve(
            List.of(), List.of(directory), directory, new CachedCompiler(CACHE), null);
    return new EntityFixture(
        directory.getFileName().toString(),
        schemas,
        hibernate,
        classpath,
        properties.getProperty("hibernate-bug"));
  }

  public String name() {
    return name;
  }

  public CatalogScope scope() {
    return CatalogScope.live(schemas, List.of(), List.of(), List.of());
  }

  /** Hibernate's DDL for the fixture, read without any cache. */
  public EntityDdl ddl(int postgresMajor) {
    return new HibernateEntityReader(new ClassGraphScanner(), new PhaseTimer())
        .read(new EntityRequest(classpath, List.of("fx"), hibernate, postgresMajor, schemas));
  }

  /** The DDL the application would run, exactly (no scratch schemas). */
  public List<String> applicationDdl() {
    EntityDdl ddl = ddl(TestServer.get().majorVersion());
    return ddl.statementsIn(ddl.schemas());
  }

  /** Creates the entities' schema in {@code db} as the application would, from Hibernate's DDL. */
  public void createIn(TestDatabase db) {
    List<String> statements = new ArrayList<>();
    for (String schema : schemas) {
      if (!schema.equals("public")) {
        statements.add("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
      }
    }
    statements.add(
        "SET search_path TO "
            + schemas.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
    statements.addAll(applicationDdl());
    db.execute(statements.toArray(String[]::new));
  }

  /**
   * Creates the entities' schema in {@code db} by Hibernate itself, connected, as an application
   * started with {@code hibernate.hbm2ddl.auto=create} would: none of Retort's code in between.
   */
  public void createByHibernate(TestDatabase db) {
    Map<String, Object> settings = new HashMap<>(hibernate);
    settings.put("hibernate.connection.url", db.url().jdbcUrl());
    settings.put("hibernate.connection.username", db.url().user());
    if (db.url().password() != null) {
      settings.put("hibernate.connection.password", db.url().password());
    }
    settings.put("jakarta.persistence.schema-generation.database.action", "create");
    settings.put("hibernate.hbm2ddl.create_namespaces", "true");
    settings.put("hibernate.hbm2ddl.halt_on_error", "true");
    org.hibernate.boot.registry.StandardServiceRegistry registry =
        new org.hibernate.boot.registry.StandardServiceRegistryBuilder(
                new org.hibernate.boot.registry.BootstrapServiceRegistryBuilder()
                    .applyClassLoader(classpath.classLoader())
                    .build())
            .applySettings(settings)
            .build();
    try {
      org.hibernate.boot.MetadataSources sources = new org.hibernate.boot.MetadataSources(registry);
      for (String className :
          new ClassGraphScanner()
              .scan(classpath, List.of("fx"))
              .classNames(classpath, List.of("fx"))) {
        sources.addAnnotatedClass(Class.forName(className, false, classpath.classLoader()));
      }
      org.hibernate.boot.spi.MetadataImplementor metadata =
          (org.hibernate.boot.spi.MetadataImplementor) sources.getMetadataBuilder().build();
      org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator.process(
          metadata,
          registry,
          settings,
          org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl.INSTANCE);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } finally {
      org.hibernate.boot.registry.StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  /** The entity model, canonicalized through scratch schemas in {@code db}. */
  public EntityModel canonicalize(TestDatabase db) {
    return canonicalize(db.url(), TestServer.get().majorVersion());
  }

  /** The entity model, canonicalized on {@code target} (or the embedded server, if refused). */
  public EntityModel canonicalize(DatabaseUrl target, int postgresMajor) {
    EntityDdl ddl = ddl(postgresMajor);
    Schema schema =
        new ScratchCanonicalizer(target, scope(), warnings::add, new PhaseTimer())
            .canonicalize(ddl);
    return new EntityModel(
        JavaEnumTypes.complete(schema, ddl.provenance()), ddl.provenance(), ddl.statements());
  }

  /** The live model of {@code db}, read as the comparison reads it. */
  public Schema readLive(TestDatabase db) {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "SET search_path TO "
              + schemas.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
      return new CatalogReader(scope()).read(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
