package dev.retort.migration;

import java.util.List;
import java.util.Objects;

/**
 * {@code foreignKey("orders_user_fk", "user_id").references("users", "id")}, then optionally {@code
 * .onDelete(CASCADE)}, {@code .onUpdate(...)}, {@code .deferrableInitiallyDeferred()}.
 */
public final class ForeignKeyDefinition implements ConstraintDefinition {

  private final String name;
  private final List<String> columns;
  private final TableName target;
  private final List<String> targetColumns;
  private final ReferentialAction onDelete;
  private final ReferentialAction onUpdate;
  private final boolean deferrable;
  private final boolean initiallyDeferred;

  ForeignKeyDefinition(
      String name,
      List<String> columns,
      TableName target,
      List<String> targetColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      boolean deferrable,
      boolean initiallyDeferred) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.target = Objects.requireNonNull(target, "target");
    this.targetColumns = List.copyOf(targetColumns);
    this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
    this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
    this.deferrable = deferrable;
    this.initiallyDeferred = initiallyDeferred;
  }

  public ForeignKeyDefinition onDelete(ReferentialAction action) {
    return new ForeignKeyDefinition(
        name, columns, target, targetColumns, action, onUpdate, deferrable, initiallyDeferred);
  }

  public ForeignKeyDefinition onUpdate(ReferentialAction action) {
    return new ForeignKeyDefinition(
        name, columns, target, targetColumns, onDelete, action, deferrable, initiallyDeferred);
  }

  /**
   * {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless a transaction defers it.
   */
  public ForeignKeyDefinition deferrableInitiallyImmediate() {
    return new ForeignKeyDefinition(
        name, columns, target, targetColumns, onDelete, onUpdate, true, false);
  }

  /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
  public ForeignKeyDefinition deferrableInitiallyDeferred() {
    return new ForeignKeyDefinition(
        name, columns, target, targetColumns, onDelete, onUpdate, true, true);
  }

  @Override
  public String name() {
    return name;
  }

  public List<String> columns() {
    return columns;
  }

  public TableName target() {
    return target;
  }

  public List<String> targetColumns() {
    return targetColumns;
  }

  public ReferentialAction onDelete() {
    return onDelete;
  }

  public ReferentialAction onUpdate() {
    return onUpdate;
  }

  public boolean deferrable() {
    return deferrable;
  }

  public boolean initiallyDeferred() {
    return initiallyDeferred;
  }

  /** The first half of a foreign key: its name and columns. */
  public static final class Builder {
    private final String name;
    private final List<String> columns;

    Builder(String name, List<String> columns) {
      this.name = name;
      this.columns = List.copyOf(columns);
    }

    public ForeignKeyDefinition references(String table, String... columns) {
      return references(new TableName(null, table), columns);
    }

    public ForeignKeyDefinition references(TableName table, String... columns) {
      return new ForeignKeyDefinition(
          name,
          this.columns,
          table,
          List.of(columns),
          ReferentialAction.NO_ACTION,
          ReferentialAction.NO_ACTION,
          false,
          false);
    }
  }
}
