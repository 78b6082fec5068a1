package dev.retort.operation;

import dev.retort.schema.Sequence;
import java.util.List;

public record CreateSequence(Sequence sequence) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new DropSequence(sequence.name(), sequence));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
