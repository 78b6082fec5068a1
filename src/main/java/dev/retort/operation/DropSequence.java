package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import java.util.List;

public record DropSequence(QualifiedName name, Sequence existing) implements Operation {

  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(Irreversible.unknownState("sequence " + name + " was dropped"));
    }
    return List.of(new CreateSequence(existing));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
