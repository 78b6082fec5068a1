package dev.retort.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the entity model's tables and columns come from, kept from Hibernate's mapping for messages
 * and review flags, and the Java enum behind each named enum type.
 */
public record EntityProvenance(
    Map<QualifiedName, String> tables,
    Map<QualifiedName, Map<String, ColumnOrigin>> columns,
    Map<QualifiedName, EnumMapping> enumTypes) {

  public static final EntityProvenance NONE = new EntityProvenance(Map.of(), Map.of(), Map.of());

  /** Sorted copies: whatever iterates them (messages, caches) sees the same order on every run. */
  public EntityProvenance {
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    Map<QualifiedName, Map<String, ColumnOrigin>> copy = new TreeMap<>();
    columns.forEach(
        (table, byColumn) -> copy.put(table, Collections.unmodifiableMap(new TreeMap<>(byColumn))));
    columns = Collections.unmodifiableMap(copy);
    enumTypes = Collections.unmodifiableMap(new TreeMap<>(enumTypes));
  }

  public Optional<String> entityOf(QualifiedName table) {
    return Optional.ofNullable(tables.get(table));
  }

  public Optional<ColumnOrigin> column(QualifiedName table, String column) {
    return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
  }

  public Optional<EnumMapping> enumType(QualifiedName type) {
    return Optional.ofNullable(enumTypes.get(type));
  }
}
