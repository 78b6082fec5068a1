package dev.retort.entity.hibernate;

import dev.retort.entity.HibernateDdlCorrections;
import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.QualifiedName;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UnionSubclass;
import org.hibernate.mapping.Value;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.EnumJavaType;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/** Walks Hibernate's mapping to record which entity attribute produced each table and column. */
final class ProvenanceCollector {

  private final Metadata metadata;
  private final Function<String, String> modelSchema;
  private final Map<QualifiedName, String> tables = new HashMap<>();
  private final Map<QualifiedName, Map<String, ColumnOrigin>> columns = new HashMap<>();
  private final Map<QualifiedName, EnumMapping> enumTypes = new HashMap<>();

  /**
   * @param modelSchema maps a physical (scratch) schema name to the model's, null for default
   */
  ProvenanceCollector(Metadata metadata, Function<String, String> modelSchema) {
    this.metadata = metadata;
    this.modelSchema = modelSchema;
  }

  EntityProvenance collect() {
    for (PersistentClass entity : metadata.getEntityBindings()) {
      String owner =
          entity.getMappedClass() == null
              ? entity.getEntityName()
              : entity.getMappedClass().getName();
      if (entity.getTable().isPhysicalTable()) {
        tables.putIfAbsent(name(entity.getTable()), owner);
      }
      if (entity instanceof RootClass) {
        Property id = entity.getIdentifierProperty();
        walk(owner, id != null ? id.getName() : "id", entity.getIdentifier(), null);
        if (entity.getDiscriminator() != null) {
          walk(owner, "(discriminator)", entity.getDiscriminator(), null);
        }
      } else if (entity instanceof JoinedSubclass) {
        walk(owner, "(id)", ((JoinedSubclass) entity).getKey(), null);
      }
      for (Property property : entity.getProperties()) {
        if (!property.getName().equals("_identifierMapper")) {
          walk(owner, property.getName(), property.getValue(), null);
        }
      }
      for (Join join : entity.getJoins()) {
        tables.putIfAbsent(name(join.getTable()), owner);
        walk(owner, "(id)", join.getKey(), null);
      }
      if (entity instanceof UnionSubclass && entity.getTable().isPhysicalTable()) {
        // TABLE_PER_CLASS copies inherited columns into each concrete table.
        for (PersistentClass parent = entity.getSuperclass();
            parent != null;
            parent = parent.getSuperclass()) {
          String parentOwner =
              parent.getMappedClass() == null
                  ? parent.getEntityName()
                  : parent.getMappedClass().getName();
          if (parent instanceof RootClass) {
            walk(parentOwner, "id", parent.getIdentifier(), entity.getTable());
          }
          for (Property property : parent.getProperties()) {
            walk(parentOwner, property.getName(), property.getValue(), entity.getTable());
          }
        }
      }
    }
    for (Collection collection : metadata.getCollectionBindings()) {
      if (collection.isInverse()) {
        continue;
      }
      PersistentClass ownerEntity = collection.getOwner();
      String owner =
          ownerEntity.getMappedClass() == null
              ? ownerEntity.getEntityName()
              : ownerEntity.getMappedClass().getName();
      String attribute =
          collection.getRole().substring(collection.getOwnerEntityName().length() + 1);
      if (collection.getCollectionTable() != null
          && collection.getCollectionTable().isPhysicalTable()) {
        tables.putIfAbsent(name(collection.getCollectionTable()), owner + "." + attribute);
      }
      walk(owner, attribute + " (key)", collection.getKey(), null);
      if (collection instanceof IndexedCollection
          && ((IndexedCollection) collection).getIndex() != null) {
        walk(owner, attribute + " (index)", ((IndexedCollection) collection).getIndex(), null);
      }
      if (!(collection.getElement() instanceof OneToMany)) {
        walk(owner, attribute, collection.getElement(), null);
      }
    }
    return new EntityProvenance(tables, columns, enumTypes);
  }

  private void walk(String owner, String path, Value value, Table tableOverride) {
    if (value instanceof Component) {
      for (Property property : ((Component) value).getProperties()) {
        walk(owner, path + "." + property.getName(), property.getValue(), tableOverride);
      }
      return;
    }
    if (value == null || value instanceof Collection) {
      return;
    }
    Table table = tableOverride != null ? tableOverride : value.getTable();
    if (table == null || !table.isPhysicalTable()) {
      return;
    }
    QualifiedName tableName = name(table);
    EnumMapping enumMapping = value instanceof BasicValue ? enumMapping((BasicValue) value) : null;
    for (Selectable selectable : value.getSelectables()) {
      if (selectable instanceof Column) {
        Column column = (Column) selectable;
        columns
            .computeIfAbsent(tableName, t -> new HashMap<>())
            .putIfAbsent(
                folded(column.getName(), column.isQuoted()),
                new ColumnOrigin(owner, path, enumMapping));
        if (enumMapping != null && enumMapping.storage() == EnumMapping.Storage.NAMED_TYPE) {
          String sqlType = column.getSqlType(metadata);
          enumTypes.putIfAbsent(
              QualifiedName.of(HibernateDdlCorrections.foldedName(sqlType)), enumMapping);
        }
      }
    }
  }

  private static EnumMapping enumMapping(BasicValue value) {
    BasicValue.Resolution<?> resolution = value.resolve();
    if (!(resolution.getDomainJavaType() instanceof EnumJavaType<?>)) {
      return null;
    }
    Class<?> enumClass = resolution.getDomainJavaType().getJavaTypeClass();
    List<String> constants =
        Arrays.stream(enumClass.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    if (resolution.getValueConverter() != null
        && !resolution.getValueConverter().getClass().getName().contains("Enum")) {
      return new EnumMapping(enumClass.getName(), constants, EnumMapping.Storage.CONVERTED);
    }
    JdbcType jdbcType = resolution.getJdbcType();
    EnumMapping.Storage storage;
    // By type code, not class: the PostgreSQL enum JDBC types moved package between Hibernate 6
    // and 7, and the codes (constants, compiled in) are the same in both.
    int code = jdbcType.getDefaultSqlTypeCode();
    if (code == SqlTypes.NAMED_ENUM || code == SqlTypes.NAMED_ORDINAL_ENUM) {
      storage = EnumMapping.Storage.NAMED_TYPE;
    } else if (jdbcType.isInteger()) {
      storage = EnumMapping.Storage.ORDINAL;
    } else {
      storage = EnumMapping.Storage.STRING;
    }
    return new EnumMapping(enumClass.getName(), constants, storage);
  }

  private QualifiedName name(Table table) {
    String schema =
        table.getSchema() == null
            ? null
            : folded(
                table.getSchema(),
                table.getSchemaIdentifier() != null && table.getSchemaIdentifier().isQuoted());
    return new QualifiedName(
        schema == null ? null : modelSchema.apply(schema),
        folded(table.getName(), table.isQuoted()));
  }

  static String folded(String name, boolean quoted) {
    if (name.startsWith("`") && name.endsWith("`")
        || name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1);
    }
    return quoted ? name : name.toLowerCase(Locale.ROOT);
  }
}
