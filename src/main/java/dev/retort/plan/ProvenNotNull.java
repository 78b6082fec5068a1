package dev.retort.plan;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.postgres.NotNullChecks;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Follows a plan's steps to know which columns a validated {@code CHECK (col IS NOT NULL)} already
 * proves: a later SET NOT NULL on them does not read the table (PostgreSQL 12+).
 */
final class ProvenNotNull {

  private final Map<String, ColumnRef> checks = new HashMap<>();
  private final Set<ColumnRef> proven = new HashSet<>();

  /** Takes the step in; whether it is a SET NOT NULL that a validated check makes brief. */
  boolean skipsScan(Operation operation) {
    if (operation instanceof AddConstraint add
        && add.constraint() instanceof CheckConstraint check
        && check.name() != null) {
      String column = NotNullChecks.column(check.expression());
      if (column != null) {
        checks.put(add.table() + "." + check.name(), new ColumnRef(add.table(), column));
      }
      return false;
    }
    if (operation instanceof ValidateConstraint validate) {
      ColumnRef column = checks.get(validate.table() + "." + validate.name());
      if (column != null) {
        proven.add(column);
      }
      return false;
    }
    return operation instanceof AlterColumn alter
        && alter.change().nullable() != null
        && Boolean.FALSE.equals(alter.change().nullable().to())
        && alter.change().withNullable(null).isEmpty()
        && proven.contains(new ColumnRef(alter.table(), alter.column()));
  }
}
