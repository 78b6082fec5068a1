package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * Replaces an enum type's values when PostgreSQL cannot change them in place (a value removed or
 * the order changed): the old type is renamed, the new one created, every column re-typed through
 * text, and the old type dropped. A row holding a removed value makes the cast fail, so the
 * migration fails and rolls back instead of losing data.
 */
public record ReplaceEnumType(
    QualifiedName type, List<String> fromValues, List<String> toValues, List<EnumColumn> usedBy)
    implements Operation {

  public ReplaceEnumType {
    toValues = List.copyOf(toValues);
    usedBy = List.copyOf(usedBy);
  }

  @Override
  public List<Operation> reverse() {
    if (fromValues == null) {
      return List.of(Irreversible.unknownState("enum type " + type + " was replaced"));
    }
    return List.of(new ReplaceEnumType(type, toValues, fromValues, usedBy));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
