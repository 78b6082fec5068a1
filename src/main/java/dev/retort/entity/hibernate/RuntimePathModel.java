package dev.retort.entity.hibernate;

import dev.retort.entity.HibernateDdlCorrections;
import dev.retort.entity.HibernateModelBuilder;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EntityProvenance;
import dev.retort.timing.PhaseTimer;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Version;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate's view of the entities as the application's own SessionFactory has it with {@code
 * ddl-auto=create}, built without a database connection: the create-DDL it would run on PostgreSQL
 * (with explicit schemas written as placeholders), and where each table and column comes from.
 *
 * <p>The metadata alone is not what the application creates. Building a SessionFactory first runs
 * the integrators, of which Bean Validation adds NOT NULL, lengths and checks ({@link
 * BeanValidationDdl}), then orders every table's columns (and composite keys) by its column
 * ordering strategy, then exports. This does the same two steps on the metadata, without the rest
 * of a SessionFactory (persisters, proxies, caches, a connection provider).
 *
 * <p>Compiled against the bundled Hibernate and run on the application's (6.6 and later) in its own
 * class loader: it uses only API that links on both.
 */
public final class RuntimePathModel implements HibernateModelBuilder {

  /** Held strongly: java.util.logging forgets levels set on loggers it has collected. */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  static {
    // Before any Hibernate class logs: route jboss-logging to java.util.logging, then silence it.
    System.setProperty("org.jboss.logging.provider", "jdk");
    HIBERNATE_LOG.setLevel(Level.OFF);
  }

  /** Settings that must never reach Hibernate here: a URL would make it connect. */
  private static final List<String> CONNECTION_SETTINGS =
      List.of(
          "hibernate.connection.url",
          "jakarta.persistence.jdbc.url",
          "javax.persistence.jdbc.url",
          "hibernate.connection.datasource",
          "jakarta.persistence.nonJtaDataSource",
          "jakarta.persistence.jtaDataSource",
          "hibernate.hbm2ddl.auto",
          "jakarta.persistence.schema-generation.database.action");

  @Override
  public String hibernateVersion() {
    return Version.getVersionString();
  }

  @Override
  public EntityDdl build(
      ClassLoader loader,
      List<String> classNames,
      Map<String, String> settings,
      int postgresMajor,
      List<String> schemas,
      PhaseTimer timer) {
    Map<String, Object> all = new HashMap<>(settings);
    CONNECTION_SETTINGS.forEach(all::remove);
    String namingStrategy = (String) all.remove("hibernate.physical_naming_strategy");
    all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    all.put("jakarta.persistence.database-product-name", "PostgreSQL");
    // A String: the schema tool re-reads it with a cast and fails on an Integer.
    all.put("jakarta.persistence.database-major-version", String.valueOf(postgresMajor));
    PlaceholderSchemaNaming naming =
        new PlaceholderSchemaNaming(applicationStrategy(namingStrategy, loader), schemas);
    StandardServiceRegistry registry =
        timer.time(
            "hibernate/registry",
            () -> {
              BootstrapServiceRegistry bootstrap =
                  new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
              return new StandardServiceRegistryBuilder(bootstrap).applySettings(all).build();
            });
    try {
      MetadataImplementor metadata;
      try {
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> type :
            timer.timeChecked("hibernate/classes", () -> load(classNames, loader))) {
          sources.addAnnotatedClass(type);
        }
        metadata =
            timer.time(
                "hibernate/metadata",
                () -> {
                  MetadataImplementor built =
                      (MetadataImplementor)
                          sources.getMetadataBuilder().applyPhysicalNamingStrategy(naming).build();
                  built.validate();
                  return built;
                });
      } catch (ClassNotFoundException | LinkageError e) {
        throw rejected(
            "an entity class cannot be loaded: " + e,
            "check entities.classpath has the entities' dependencies",
            e);
      } catch (RuntimeException e) {
        if (e instanceof RetortException) {
          throw e;
        }
        throw rejected(
            "Hibernate rejected the entity mapping: " + message(e),
            "fix the mapping Hibernate names; it would fail the same way when the application starts",
            e);
      }
      timer.run(
          "hibernate/validation",
          () -> BeanValidationDdl.apply(metadata, settingsOf(registry), loader));
      // What SessionFactoryImpl does for a create action: the column ordering strategy orders
      // each table's columns and its composite keys.
      metadata.orderColumns(true);
      EntityProvenance provenance =
          timer.time(
              "hibernate/provenance",
              () -> new ProvenanceCollector(metadata, naming::modelSchema).collect());
      List<String> ddl = timer.time("hibernate/ddl", () -> createDdl(metadata, registry));
      Map<String, List<String>> declarationOrder = new HashMap<>();
      provenance
          .enumTypes()
          .forEach((type, mapping) -> declarationOrder.put(type.name(), mapping.constants()));
      return new EntityDdl(
          HibernateDdlCorrections.correct(ddl, declarationOrder), provenance, naming.schemas());
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
    }
  }

  private static List<Class<?>> load(List<String> classNames, ClassLoader loader)
      throws ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    for (String name : classNames) {
      types.add(Class.forName(name, false, loader));
    }
    return types;
  }

  private static PhysicalNamingStrategy applicationStrategy(String className, ClassLoader loader) {
    if (className == null || className.isBlank()) {
      return PhysicalNamingStrategyStandardImpl.INSTANCE;
    }
    try {
      return (PhysicalNamingStrategy)
          Class.forName(className.trim(), true, loader).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw rejected(
          "hibernate.physical_naming_strategy " + className + " cannot be used: " + e,
          "give the class name of a PhysicalNamingStrategy on the entities classpath",
          e);
    }
  }

  private static Map<String, Object> settingsOf(StandardServiceRegistry registry) {
    return registry.requireService(ConfigurationService.class).getSettings();
  }

  private static List<String> createDdl(
      MetadataImplementor metadata, StandardServiceRegistry registry) {
    StringWriter script = new StringWriter();
    Map<String, Object> options = new HashMap<>(settingsOf(registry));
    options.put("jakarta.persistence.schema-generation.scripts.action", "create");
    options.put("jakarta.persistence.schema-generation.scripts.create-target", script);
    options.put("jakarta.persistence.schema-generation.database.action", "none");
    options.put("hibernate.hbm2ddl.delimiter", ";");
    options.put("hibernate.format_sql", "false");
    options.put("hibernate.hbm2ddl.skip_default_import_file", "true");
    // Scratch schemas are created by Retort; Hibernate must not try.
    options.put("jakarta.persistence.create-database-schemas", "false");
    try {
      SchemaManagementToolCoordinator.process(
          metadata, registry, options, DelayedDropRegistryNotAvailableImpl.INSTANCE);
    } catch (RuntimeException e) {
      throw rejected(
          "Hibernate cannot write the DDL for the entities: " + message(e),
          "fix the mapping Hibernate names",
          e);
    }
    List<String> statements = new ArrayList<>();
    for (String line : script.toString().split("\\R")) {
      String statement = line.strip();
      if (statement.endsWith(";")) {
        statement = statement.substring(0, statement.length() - 1).strip();
      }
      if (!statement.isEmpty()) {
        statements.add(statement);
      }
    }
    return statements;
  }

  private static String message(Throwable e) {
    StringBuilder text =
        new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  private static RetortException rejected(String message, String hint, Throwable cause) {
    return new RetortException(ExitCode.INVALID_INPUT, message, hint, cause);
  }
}
