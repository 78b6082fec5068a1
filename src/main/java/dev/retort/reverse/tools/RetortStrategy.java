package dev.retort.reverse.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.hibernate.mapping.MetaAttribute;
import org.hibernate.tool.api.reveng.RevengStrategy;
import org.hibernate.tool.api.reveng.TableIdentifier;
import org.hibernate.tool.internal.reveng.strategy.DelegatingStrategy;

/**
 * Hibernate Tools' default reverse engineering, adjusted so that the entities it writes make the
 * same PostgreSQL schema again: Java types by PostgreSQL type name, identity ids, and what JDBC
 * metadata does not carry (defaults, comments, checks, enum types) handed to Retort's templates as
 * meta attributes (the {@code retort-*} names below).
 */
final class RetortStrategy extends DelegatingStrategy {

  static final String DEFAULT = "retort-default";
  static final String COMMENT = "retort-comment";
  static final String JSON = "retort-json";
  static final String ENUM = "retort-enum";
  static final String TABLE_COMMENT = "retort-table-comment";
  static final String CHECK = "retort-check";
  static final String ON_DELETE = "retort-on-delete";
  static final String TEXT = "retort-text";
  static final String UNIQUE = "retort-unique";
  static final String INDEX = "retort-index";

  private final CatalogFacts facts;
  private final String defaultSchema;
  private final String packageName;
  private final BiPredicate<String, String> keepTable;
  private final List<String> schemas;
  private final Set<String> usedEnumTypes = new TreeSet<>();

  RetortStrategy(
      RevengStrategy delegate,
      CatalogFacts facts,
      List<String> schemas,
      String packageName,
      BiPredicate<String, String> keepTable) {
    super(delegate);
    this.facts = facts;
    this.schemas = List.copyOf(schemas);
    this.defaultSchema = schemas.get(0);
    this.packageName = packageName;
    this.keepTable = keepTable;
  }

  private String schema(TableIdentifier table) {
    return table.getSchema() == null ? defaultSchema : table.getSchema();
  }

  /**
   * Whether a column of an enum type becomes a field of a generated Java enum: when the type's name
   * and labels can be Java names (else it stays a String, and the difference is {@code check}'s to
   * report).
   */
  private boolean mapsToJavaEnum(CatalogFacts.ColumnFact column) {
    return column.enumType()
        && PostgresTypes.enumClassName(column.type()) != null
        && facts.enumLabels().getOrDefault(column.type(), List.of()).stream()
            .allMatch(label -> label.matches("[A-Za-z_][A-Za-z0-9_]*"));
  }

  /** The PostgreSQL enum types the written entities use, each to be written as a Java enum. */
  Set<String> usedEnumTypes() {
    return usedEnumTypes;
  }

  /** The configured schemas, each read whole; tables are chosen by {@link #excludeTable}. */
  @Override
  public List<SchemaSelection> getSchemaSelections() {
    return schemas.stream().map(RetortStrategy::selection).toList();
  }

  private static SchemaSelection selection(String schema) {
    return new SchemaSelection() {
      @Override
      public String getMatchCatalog() {
        return null;
      }

      @Override
      public String getMatchSchema() {
        return schema;
      }

      @Override
      public String getMatchTable() {
        return null;
      }
    };
  }

  @Override
  public boolean excludeTable(TableIdentifier table) {
    return !keepTable.test(schema(table), table.getName()) || super.excludeTable(table);
  }

  @Override
  public String columnToHibernateTypeName(
      TableIdentifier table,
      String columnName,
      int sqlType,
      int length,
      int precision,
      int scale,
      boolean nullable,
      boolean generatedIdentifier) {
    CatalogFacts.ColumnFact column = facts.column(schema(table), table.getName(), columnName);
    if (column != null) {
      if (mapsToJavaEnum(column)) {
        // The enum does not exist yet, so Hibernate cannot resolve it: the mapping says String and
        // the property-type meta attribute (columnToMetaAttributes) gives the field its enum.
        usedEnumTypes.add(column.type());
        return "java.lang.String";
      }
      String javaType = PostgresTypes.javaType(column.type());
      if (javaType != null) {
        return javaType;
      }
    }
    return super.columnToHibernateTypeName(
        table, columnName, sqlType, length, precision, scale, nullable, generatedIdentifier);
  }

  /**
   * Identity for a table whose one generated column (identity or serial) is its key, so the entity
   * declares {@code GenerationType.IDENTITY} and Hibernate's DDL writes the identity column back.
   */
  @Override
  public String getTableIdentifierStrategyName(TableIdentifier table) {
    String prefix = CatalogFacts.key(schema(table), table.getName()) + ".";
    long generated =
        facts.columns().entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix) && e.getValue().generated())
            .count();
    return generated == 1 ? "identity" : super.getTableIdentifierStrategyName(table);
  }

  @Override
  public Map<String, MetaAttribute> columnToMetaAttributes(TableIdentifier table, String column) {
    Map<String, MetaAttribute> meta = new HashMap<>();
    Map<String, MetaAttribute> inherited = super.columnToMetaAttributes(table, column);
    if (inherited != null) {
      meta.putAll(inherited);
    }
    CatalogFacts.ColumnFact fact = facts.column(schema(table), table.getName(), column);
    if (fact == null) {
      return meta.isEmpty() ? null : meta;
    }
    if (fact.defaultExpression() != null) {
      put(meta, DEFAULT, List.of(fact.defaultExpression()));
    }
    if (fact.comment() != null) {
      put(meta, COMMENT, List.of(fact.comment()));
    }
    if (fact.type().equals("text")) {
      put(meta, TEXT, List.of("true"));
    }
    if (PostgresTypes.isJson(fact.type())) {
      put(meta, JSON, List.of("true"));
    }
    if (mapsToJavaEnum(fact)) {
      put(meta, ENUM, List.of("true"));
      put(
          meta,
          "property-type",
          List.of(packageName + "." + PostgresTypes.enumClassName(fact.type())));
    }
    return meta.isEmpty() ? null : meta;
  }

  @Override
  public Map<String, MetaAttribute> tableToMetaAttributes(TableIdentifier table) {
    Map<String, MetaAttribute> meta = new HashMap<>();
    Map<String, MetaAttribute> inherited = super.tableToMetaAttributes(table);
    if (inherited != null) {
      meta.putAll(inherited);
    }
    CatalogFacts.TableFact fact = facts.table(schema(table), table.getName());
    if (fact.comment() != null) {
      put(meta, TABLE_COMMENT, List.of(fact.comment()));
    }
    String prefix = CatalogFacts.key(schema(table), table.getName()) + ".";
    List<String> onDelete =
        facts.onDelete().entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix))
            .map(e -> e.getKey().substring(prefix.length()) + "|" + e.getValue())
            .sorted()
            .toList();
    if (!onDelete.isEmpty()) {
      put(meta, ON_DELETE, onDelete);
    }
    if (!fact.uniques().isEmpty()) {
      put(meta, UNIQUE, fact.uniques().stream().map(RetortStrategy::describe).toList());
    }
    if (!fact.indexes().isEmpty()) {
      put(meta, INDEX, fact.indexes().stream().map(RetortStrategy::describe).toList());
    }
    if (!fact.checks().isEmpty()) {
      put(
          meta,
          CHECK,
          fact.checks().stream().map(check -> check.name() + "|" + check.expression()).toList());
    }
    return meta.isEmpty() ? null : meta;
  }

  /**
   * A many-to-one named after its column ({@code approver_id} is {@code approver}) rather than
   * Hibernate Tools' {@code usersByApproverId}, unless a column of the table has that name.
   */
  @Override
  public String foreignKeyToEntityName(
      String keyName,
      TableIdentifier fromTable,
      List<?> fromColumns,
      TableIdentifier referencedTable,
      List<?> referencedColumns,
      boolean uniqueReference) {
    String fallback =
        super.foreignKeyToEntityName(
            keyName, fromTable, fromColumns, referencedTable, referencedColumns, uniqueReference);
    if (fromColumns.size() != 1
        || !(fromColumns.get(0) instanceof org.hibernate.mapping.Column column)
        || !column.getName().endsWith("_id")) {
      return fallback;
    }
    String base = column.getName().substring(0, column.getName().length() - "_id".length());
    String schemaTable = CatalogFacts.key(schema(fromTable), fromTable.getName());
    if (base.isEmpty() || facts.columns().containsKey(schemaTable + "." + base)) {
      return fallback;
    }
    return columnToPropertyName(fromTable, base);
  }

  /** {@code name|unique|column, column}, as the templates split it. */
  private static String describe(CatalogFacts.Key key) {
    return key.name() + "|" + key.unique() + "|" + String.join(", ", key.columns());
  }

  private static void put(Map<String, MetaAttribute> meta, String name, List<String> values) {
    MetaAttribute attribute = new MetaAttribute(name);
    values.forEach(attribute::addValue);
    meta.put(name, attribute);
  }
}
