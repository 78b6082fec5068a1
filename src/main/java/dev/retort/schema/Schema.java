package dev.retort.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything Retort compares in a database (or in the model): tables, standalone sequences and enum
 * types, plus the views that are known but not compared. Lists are sorted by name, so two equal
 * schemas are equal records and iteration order never depends on a hash.
 */
public record Schema(
    List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes, List<View> views) {

  public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of(), List.of());

  public Schema {
    tables = tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    sequences = sequences.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    enumTypes = enumTypes.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    views = views.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<EnumType> enumType(QualifiedName name) {
    return enumTypes.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
