package dev.retort.catalog;

import dev.retort.schema.EnumType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemacrawler.plugin.EnumDataTypeHelper;
import schemacrawler.plugin.EnumDataTypeInfo;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnDataType;

/**
 * Every enum type of the database, read in one query on first use and cached: it answers
 * SchemaCrawler's per-column questions without a query per column, and gives the reader the enum
 * types themselves.
 */
final class EnumTypeCatalog implements EnumDataTypeHelper {

  record Entry(String schema, String name, List<String> values) {}

  private final Connection connection;
  private Map<Long, Entry> byOid;

  EnumTypeCatalog(Connection connection) {
    this.connection = connection;
  }

  synchronized Map<Long, Entry> all() {
    if (byOid == null) {
      Map<Long, Entry> loaded = new HashMap<>();
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(PostgresCatalogViews.enumTypes())) {
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
