package dev.retort.reverse.tools;

import dev.retort.reverse.EntitySourceGenerator;
import dev.retort.reverse.GenerationRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.tool.api.export.Exporter;
import org.hibernate.tool.api.export.ExporterConstants;
import org.hibernate.tool.api.export.ExporterFactory;
import org.hibernate.tool.api.export.ExporterType;
import org.hibernate.tool.api.metadata.MetadataDescriptor;
import org.hibernate.tool.api.metadata.MetadataDescriptorFactory;
import org.hibernate.tool.api.reveng.RevengSettings;
import org.hibernate.tool.api.reveng.RevengStrategy;
import org.hibernate.tool.api.reveng.RevengStrategyFactory;
import org.hibernate.tool.api.version.Version;

/**
 * Hibernate Tools' reverse engineering ({@code hbm2java} with JPA annotations) run on a live
 * PostgreSQL database, with {@link RetortStrategy} and Retort's templates. Runs in the Hibernate
 * Tools class loader, on the Hibernate ORM that Hibernate Tools was built with.
 */
public final class HibernateToolsGenerator implements EntitySourceGenerator {

  /** Held strongly: java.util.logging forgets levels set on loggers it has collected. */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  static {
    // Before any Hibernate class logs: route jboss-logging to java.util.logging, then silence it.
    System.setProperty("org.jboss.logging.provider", "jdk");
    HIBERNATE_LOG.setLevel(Level.OFF);
  }

  private static final String DRIVER = "org.postgresql.Driver";

  @Override
  public String toolsVersion() {
    return Version.versionString();
  }

  /**
   * Hibernate Tools and Hibernate load classes by name through the thread's context class loader,
   * which must be this one (Retort's would find no Hibernate Tools, or, on a test classpath, a
   * second copy of it).
   */
  @Override
  public List<String> generate(GenerationRequest request) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(HibernateToolsGenerator.class.getClassLoader());
    try {
      return generateHere(request);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private List<String> generateHere(GenerationRequest request) {
    CatalogFacts facts;
    String database;
    try (Connection connection = connect(request)) {
      facts = CatalogFacts.read(connection, request.schemas());
      database = currentDatabase(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the catalog failed: " + e.getMessage(), e);
    }
    RevengStrategy defaults = RevengStrategyFactory.createReverseEngineeringStrategy();
    RetortStrategy strategy =
        new RetortStrategy(
            defaults, facts, request.schemas(), request.packageName(), request.keepTable());
    // Plain entities: a many-to-one per foreign key, no inverse collections, no many-to-many or
    // one-to-one guessed from the keys (a join table stays an entity with its composite key).
    RevengSettings settings =
        new RevengSettings(strategy)
            .setDefaultPackageName(request.packageName())
            .setCreateCollectionForForeignKey(false)
            .setDetectManyToMany(false)
            .setDetectOneToOne(false);
    defaults.setSettings(settings);
    strategy.setSettings(settings);
    MetadataDescriptor metadata =
        MetadataDescriptorFactory.createReverseEngineeringDescriptor(
            strategy, connectionProperties(request, database));
    Exporter exporter = ExporterFactory.createExporter(ExporterType.JAVA);
    exporter.getProperties().put(ExporterConstants.METADATA_DESCRIPTOR, metadata);
    exporter
        .getProperties()
        .put(ExporterConstants.DESTINATION_FOLDER, request.outputDirectory().toFile());
    exporter
        .getProperties()
        .put(ExporterConstants.TEMPLATE_PATH, new String[] {request.templates().toString()});
    exporter.getProperties().setProperty("ejb3", "true");
    exporter.getProperties().setProperty("jdk5", "true");
    exporter.start();
    EnumSources.write(facts, request, strategy.usedEnumTypes());
    return written(request.outputDirectory());
  }

  private static Connection connect(GenerationRequest request) throws SQLException {
    // DriverManager hands a caller only drivers its own class loader sees: Retort's registered
    // driver is not this loader's, so this loader's copy registers itself here.
    try {
      Class.forName(DRIVER, true, HibernateToolsGenerator.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the PostgreSQL driver is not among Hibernate Tools' jars", e);
    }
    Properties properties = new Properties();
    if (request.user() != null) {
      properties.setProperty("user", request.user());
    }
    if (request.password() != null) {
      properties.setProperty("password", request.password());
    }
    return DriverManager.getConnection(request.jdbcUrl(), properties);
  }

  private static String currentDatabase(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_database()")) {
      row.next();
      return row.getString(1);
    }
  }

  /**
   * The database's own name and the first schema as Hibernate's defaults, so Hibernate Tools leaves
   * them out of {@code @Table}: the entities then follow the configured default schema.
   */
  private static Properties connectionProperties(GenerationRequest request, String database) {
    Properties properties = new Properties();
    properties.setProperty("hibernate.connection.url", request.jdbcUrl());
    if (request.user() != null) {
      properties.setProperty("hibernate.connection.username", request.user());
    }
    if (request.password() != null) {
      properties.setProperty("hibernate.connection.password", request.password());
    }
    properties.setProperty("hibernate.connection.driver_class", DRIVER);
    properties.setProperty("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
    properties.setProperty("hibernate.default_catalog", database);
    properties.setProperty("hibernate.default_schema", request.schemas().get(0));
    return properties;
  }

  private static List<String> written(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> directory.relativize(file).toString().replace(File.separatorChar, '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("listing " + directory + " failed: " + e.getMessage(), e);
    }
  }
}
