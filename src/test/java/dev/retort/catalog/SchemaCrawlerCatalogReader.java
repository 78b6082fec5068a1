package dev.retort.catalog;

import dev.retort.error.RetortException;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.plugin.EnumDataTypeHelper;
import schemacrawler.plugin.EnumDataTypeInfo;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnDataType;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptions;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevel;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * The catalog reader as it was before {@link CatalogReader} read the catalog with plain JDBC:
 * SchemaCrawler over the bulk views of {@link SchemaCrawlerViews}, mapped by {@link CatalogMapper}.
 * Kept unchanged as the reference the direct reader must equal, model for model ({@code
 * CatalogReadersAgreeTest}), and for the benchmark's old-versus-new row.
 */
public final class SchemaCrawlerCatalogReader implements CatalogSource {

  /**
   * Held strongly: java.util.logging forgets levels set on loggers it has collected. WARNING, not
   * OFF, because SchemaCrawler reports a failed view only as a warning; the command line's logging
   * configuration decides what reaches the console.
   */
  private static final List<Logger> LOGGERS =
      List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

  static {
    LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
  }

  private final CatalogScope scope;

  public SchemaCrawlerCatalogReader(CatalogScope scope) {
    this.scope = scope;
  }

  @Override
  public Schema read(Connection connection) {
    try {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      requireSchemas(connection);
      return crawlAndMap(connection, major);
    } catch (SQLException e) {
      throw new CatalogReadException("cannot read the catalog: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof CatalogReadException || e instanceof RetortException) {
        throw e;
      }
      throw new CatalogReadException("cannot read the catalog: " + e.getMessage(), e);
    }
  }

  private Schema crawlAndMap(Connection connection, int major) {
    EnumHelper enums = new EnumHelper(connection);
    Catalog catalog = crawl(connection, major, enums);
    List<EnumType> enumTypes = enums.enumTypes(scope);
    return new CatalogMapper(scope).map(catalog, enumTypes);
  }

  private void requireSchemas(Connection connection) throws SQLException {
    List<String> missing = new ArrayList<>(scope.databaseSchemas());
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("text", scope.databaseSchemas().toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          missing.remove(rs.getString(1));
        }
      }
    }
    if (!missing.isEmpty()) {
      String name = missing.get(0);
      throw RetortException.invalidInput(
          "schema " + name + " does not exist in the database",
          "create it (CREATE SCHEMA " + Identifiers.quote(name) + ") or remove it from schemas");
    }
  }

  private Catalog crawl(Connection connection, int major, EnumHelper enums) {
    InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder();
    for (Map.Entry<InformationSchemaKey, String> view :
        SchemaCrawlerViews.sql(scope.databaseSchemas(), major).entrySet()) {
      views.withSql(view.getKey(), view.getValue());
    }
    SchemaRetrievalOptionsBuilder retrieval =
        SchemaRetrievalOptionsBuilder.builder()
            .withDoesNotSupportCatalogs()
            .withInformationSchemaViews(views.toOptions())
            .withEnumDataTypeHelper(enums);
    // Everything else per table would cost one query per table; these read it all at once.
    for (SchemaInfoMetadataRetrievalStrategy kind :
        List.of(
            SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.foreignKeysRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy)) {
      retrieval.with(kind, MetadataRetrievalStrategy.data_dictionary_all);
    }
    SchemaRetrievalOptions retrievalOptions = retrieval.toOptions();

    SchemaInfoLevel level =
        SchemaInfoLevelBuilder.builder()
            .withInfoLevel(InfoLevel.detailed)
            .setRetrieveDatabaseInfo(false)
            .setRetrieveRoutines(false)
            .setRetrieveRoutineParameters(false)
            .setRetrieveRoutineInformation(false)
            .setRetrieveSynonymInformation(false)
            .setRetrieveTriggerInformation(false)
            .setRetrieveViewInformation(false)
            .setRetrieveViewViewTableUsage(false)
            .setRetrieveTableDefinitionsInformation(false)
            .setRetrieveTablePrivileges(false)
            .setRetrieveTableColumnPrivileges(false)
            .setRetrieveUserDefinedColumnDataTypes(false)
            .setRetrieveAdditionalTableAttributes(false)
            .setRetrieveAdditionalColumnAttributes(false)
            .setRetrieveColumnDataTypes(false)
            // "detailed" leaves these maximum-level steps out; they run EXT_INDEXES, SEQUENCES
            // and the enum helper.
            .setRetrieveIndexInformation(true)
            .setRetrieveSequenceInformation(true)
            .setRetrieveAdditionalColumnMetadata(true)
            .toOptions();
    // Schemas are filtered in the SQL; SchemaCrawler's own schema rule would match quoted names.
    LimitOptions limits =
        LimitOptionsBuilder.builder()
            .tableTypes("TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE")
            .includeAllSequences()
            .toOptions();
    SchemaCrawlerOptions options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLimitOptions(limits)
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(level)
                    .withMaxThreads(1)
                    .toOptions());
    // Not closed: closing the source would close the caller's connection.
    DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
    return new SchemaCrawler(source, retrievalOptions, options).crawl();
  }

  /**
   * Every enum type of the database, read in one query on first use: it answers SchemaCrawler's
   * per-column questions without a query per column, and gives the reader the enum types.
   */
  static final class EnumHelper implements EnumDataTypeHelper {

    record Entry(String schema, String name, List<String> values) {}

    private final Connection connection;
    private Map<Long, Entry> byOid;

    EnumHelper(Connection connection) {
      this.connection = connection;
    }

    synchronized Map<Long, Entry> all() {
      if (byOid == null) {
        Map<Long, Entry> loaded = new HashMap<>();
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(SchemaCrawlerViews.enumTypes())) {
          while (rs.next()) {
            loaded.put(
                rs.getLong(1),
                new Entry(
                    rs.getString(2),
                    rs.getString(3),
                    List.copyOf(Arrays.asList(rs.getString(4).split(PackedDetails.ITEMS, -1)))));
          }
        } catch (SQLException e) {
          throw new CatalogReadException("cannot read enum types: " + e.getMessage(), e);
        }
        byOid = loaded;
      }
      return byOid;
    }

    @Override
    public EnumDataTypeInfo getEnumDataTypeInfo(
        Column column, ColumnDataType type, Connection unused) {
      Object oid = column.getAttribute("TYPE_OID");
      Entry entry = oid instanceof Number ? all().get(((Number) oid).longValue()) : null;
      if (entry == null) {
        return EnumDataTypeInfo.EMPTY_ENUM_DATA_TYPE_INFO;
      }
      return new EnumDataTypeInfo(
          EnumDataTypeInfo.EnumDataTypeTypes.enumerated_column, entry.values());
    }

    /** The enum types in the scope's schemas, with model names. */
    List<EnumType> enumTypes(CatalogScope scope) {
      List<EnumType> types = new ArrayList<>();
      for (Entry entry : all().values()) {
        if (scope.databaseSchemas().contains(entry.schema())) {
          types.add(new EnumType(scope.modelName(entry.schema(), entry.name()), entry.values()));
        }
      }
      return types;
    }
  }
}
