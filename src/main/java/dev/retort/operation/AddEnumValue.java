package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TYPE ... ADD VALUE}, at the end or next to an existing value.
 *
 * @param before the value the new one goes before, or null
 * @param after the value the new one goes after, or null
 * @param existingValues the values before the change, when known; with {@code usedBy} they allow
 *     the reverse (PostgreSQL cannot drop an enum value, so undoing it replaces the type)
 * @param usedBy the columns of this enum type, when known
 */
public record AddEnumValue(
    QualifiedName type,
    String value,
    String before,
    String after,
    List<String> existingValues,
    List<EnumColumn> usedBy)
    implements Operation {

  public AddEnumValue {
    if (before != null && after != null) {
      throw new IllegalArgumentException("an enum value goes either before or after another");
    }
  }

  /** The values after this operation, when the values before it are known. */
  public List<String> resultingValues() {
    List<String> values = new ArrayList<>(existingValues);
    if (before != null) {
      values.add(values.indexOf(before), value);
    } else if (after != null) {
      values.add(values.indexOf(after) + 1, value);
    } else {
      values.add(value);
    }
    return values;
  }

  @Override
  public List<Operation> reverse() {
    if (existingValues == null || usedBy == null) {
      return List.of(
          new Irreversible(
              "PostgreSQL cannot remove the value '"
                  + value
                  + "' from enum type "
                  + type
                  + "; undoing it means replacing the type (see ReplaceEnumType)"));
    }
    return List.of(new ReplaceEnumType(type, resultingValues(), existingValues, usedBy));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
