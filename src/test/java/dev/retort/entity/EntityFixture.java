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
import dev.retort.shadow.ShadowServers;
import dev.retort.testing.Applications;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import dev.retort.timing.PhaseTimer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
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
  private final int hibernateSince;
  private List<String> packages = List.of("fx");
  public final List<String> warnings = new ArrayList<>();

  private EntityFixture(
      String name,
      List<String> schemas,
      Map<String, String> hibernate,
      EntityClasspath classpath,
      String hibernateBug,
      int hibernateSince) {
    this.name = name;
    this.hibernateSince = hibernateSince;
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
        properties.getProperty("hibernate-bug"),
        Integer.parseInt(properties.getProperty("hibernate-since", "6")));
  }

  /**
   * Entity sources anywhere (a scenario's {@code entities}, package {@code fx}), with the schemas
   * and Hibernate settings given rather than read from {@code fixture.properties}.
   */
  public static EntityFixture of(
      Path directory, List<String> schemas, Map<String, String> hibernate) {
    EntityClasspath classpath =
        EntityClasspath.resolve(
            List.of(), List.of(directory), directory, new CachedCompiler(CACHE), null);
    return new EntityFixture(
        directory.toString(), List.copyOf(schemas), Map.copyOf(hibernate), classpath, null, 6);
  }

  public String name() {
    return name;
  }

  /**
   * Entity sources anywhere (a scenario's, a generated model's), in {@code packages}, read with
   * these schemas and Hibernate settings.
   */
  public static EntityFixture of(
      Path sources, List<String> packages, List<String> schemas, Map<String, String> hibernate) {
    EntityClasspath classpath =
        EntityClasspath.resolve(
            List.of(), List.of(sources), sources, new CachedCompiler(CACHE), null);
    EntityFixture fixture =
        new EntityFixture(
            sources.getParent().getFileName() + "/" + sources.getFileName(),
            schemas,
            hibernate,
            classpath,
            null,
            6);
    fixture.packages = List.copyOf(packages);
    return fixture;
  }

  public CatalogScope scope() {
    return CatalogScope.live(schemas, List.of(), List.of(), List.of());
  }

  /**
   * Hibernate's DDL for the fixture (its packages, {@code fx} unless given), read without any
   * cache.
   */
  public EntityDdl ddl(int postgresMajor) {
    return ddl(postgresMajor, packages);
  }

  /** Hibernate's DDL for the entities in {@code packages}, read without any cache. */
  public EntityDdl ddl(int postgresMajor, List<String> packages) {
    return new HibernateEntityReader(new ClassGraphScanner(), new PhaseTimer())
        .read(new EntityRequest(classpath, packages, hibernate, postgresMajor, schemas));
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
    ClassLoader loader = classpath.classLoader();
    List<String> classes =
        new ClassGraphScanner().scan(classpath, List.of("fx")).classNames(classpath, List.of("fx"));
    try {
      // In the loader of the Hibernate that reads the entities, as the application would run it.
      Class.forName("dev.retort.entity.hibernate.SessionFactoryDdl", true, loader)
          .getMethod("create", ClassLoader.class, List.class, Map.class)
          .invoke(null, loader, classes, settings);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same entities on an application's classpath: its Hibernate reads them. */
  public EntityFixture onApplication(String application) {
    List<Path> entries = new ArrayList<>(classpath.entries());
    entries.addAll(Applications.dependencies(application));
    return new EntityFixture(
        name + " on " + application,
        schemas,
        hibernate,
        EntityClasspath.of(entries),
        hibernateBug,
        hibernateSince);
  }

  /** The same entities with more Hibernate settings. */
  public EntityFixture withSettings(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(hibernate);
    all.putAll(settings);
    return new EntityFixture(name, schemas, all, classpath, hibernateBug, hibernateSince);
  }

  /**
   * Whether the Hibernate that reads the entities maps them (a fixture may use what only a later
   * major version has, such as a JDBC type class that moved package in 7).
   */
  public boolean mappableByItsHibernate() {
    String version = hibernateRuntime().version();
    return Integer.parseInt(version.substring(0, version.indexOf('.'))) >= hibernateSince;
  }

  /** Which Hibernate reads the entities. */
  public HibernateRuntime hibernateRuntime() {
    return classpath.hibernate();
  }

  /** The entity model, canonicalized through scratch schemas in {@code db}. */
  public EntityModel canonicalize(TestDatabase db) {
    return canonicalize(db.url(), TestServer.get().majorVersion());
  }

  /** The entity model, canonicalized on {@code target} (or the embedded server, if refused). */
  public EntityModel canonicalize(DatabaseUrl target, int postgresMajor) {
    EntityDdl ddl = ddl(postgresMajor);
    Schema schema =
        ScratchCanonicalizer.onDatabase(
                target,
                ShadowServers.factory(null, new PhaseTimer()),
                scope(),
                warnings::add,
                new PhaseTimer())
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
