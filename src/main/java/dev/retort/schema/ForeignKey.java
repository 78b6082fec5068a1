package dev.retort.schema;

import java.util.List;
import java.util.Objects;

public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName target,
    List<String> targetColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    boolean deferrable,
    boolean initiallyDeferred)
    implements Constraint {

  public ForeignKey {
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    Objects.requireNonNull(target, "target");
    onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
  }

  public static ForeignKey of(
      String name, List<String> columns, QualifiedName target, List<String> targetColumns) {
    return new ForeignKey(
        name,
        columns,
        target,
        targetColumns,
        ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION,
        false,
        false);
  }

  @Override
  public ForeignKey withName(String newName) {
    return new ForeignKey(
        newName, columns, target, targetColumns, onDelete, onUpdate, deferrable, initiallyDeferred);
  }

  public ForeignKey onDelete(ReferentialAction action) {
    return new ForeignKey(
        name, columns, target, targetColumns, action, onUpdate, deferrable, initiallyDeferred);
  }

  public ForeignKey onUpdate(ReferentialAction action) {
    return new ForeignKey(
        name, columns, target, targetColumns, onDelete, action, deferrable, initiallyDeferred);
  }

  /**
   * {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless a transaction defers it.
   */
  public ForeignKey deferrableInitiallyImmediate() {
    return new ForeignKey(name, columns, target, targetColumns, onDelete, onUpdate, true, false);
  }

  /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
  public ForeignKey deferrableInitiallyDeferred() {
    return new ForeignKey(name, columns, target, targetColumns, onDelete, onUpdate, true, true);
  }

  public ForeignKey withTarget(QualifiedName newTarget) {
    return new ForeignKey(
        name, columns, newTarget, targetColumns, onDelete, onUpdate, deferrable, initiallyDeferred);
  }

  @Override
  public String kind() {
    return "foreign key";
  }
}
