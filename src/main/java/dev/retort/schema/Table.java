package dev.retort.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything that belongs to it.
 *
 * @param partitionKey the {@code PARTITION BY} clause of a partitioned parent, or null
 */
public record Table(
    QualifiedName name,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<ForeignKey> foreignKeys,
    List<UniqueConstraint> uniqueConstraints,
    List<CheckConstraint> checkConstraints,
    List<Index> indexes,
    String comment,
    String partitionKey) {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    foreignKeys = List.copyOf(foreignKeys);
    uniqueConstraints = List.copyOf(uniqueConstraints);
    checkConstraints = List.copyOf(checkConstraints);
    indexes = List.copyOf(indexes);
  }

  public static Table named(QualifiedName name) {
    return new Table(name, List.of(), null, List.of(), List.of(), List.of(), List.of(), null, null);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Every constraint of the table, primary key first. */
  public List<Constraint> constraints() {
    List<Constraint> all = new ArrayList<>();
    if (primaryKey != null) {
      all.add(primaryKey);
    }
    all.addAll(uniqueConstraints);
    all.addAll(checkConstraints);
    all.addAll(foreignKeys);
    return all;
  }

  public Table withName(QualifiedName value) {
    return new Table(
        value,
        columns,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        partitionKey);
  }

  public Table withColumns(List<Column> value) {
    return new Table(
        name,
        value,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        partitionKey);
  }

  public Table withPrimaryKey(PrimaryKey value) {
    return new Table(
        name,
        columns,
        value,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        partitionKey);
  }

  public Table withForeignKeys(List<ForeignKey> value) {
    return new Table(
        name,
        columns,
        primaryKey,
        value,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        partitionKey);
  }

  public Table withUniqueConstraints(List<UniqueConstraint> value) {
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys,
        value,
        checkConstraints,
        indexes,
        comment,
        partitionKey);
  }

  public Table withCheckConstraints(List<CheckConstraint> value) {
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        value,
        indexes,
        comment,
        partitionKey);
  }

  public Table withIndexes(List<Index> value) {
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        value,
        comment,
        partitionKey);
  }

  public Table withComment(String value) {
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        value,
        partitionKey);
  }

  public Table withPartitionKey(String value) {
    return new Table(
        name,
        columns,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        value);
  }
}
