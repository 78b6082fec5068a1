package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * @param existingValues the dropped type's values, when known; needed to reverse.
 */
public record DropEnumType(QualifiedName name, List<String> existingValues) implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existingValues == null) {
      return List.of(Irreversible.unknownState("enum type " + name + " was dropped"));
    }
    return List.of(new CreateEnumType(name, existingValues));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
