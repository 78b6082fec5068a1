package dev.retort.operation;

import java.util.List;

/**
 * Stands where an operation cannot be undone. Executing it fails with {@code reason}, so a
 * downgrade stops before it changes anything it cannot finish.
 */
public record Irreversible(String reason) implements Operation {

  static Irreversible unknownState(String what) {
    return new Irreversible(
        what + " without recording its previous state, so it cannot be reversed automatically");
  }

  @Override
  public List<Operation> reverse() {
    return List.of();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
