package dev.retort.operation;

import java.util.List;

/**
 * A question only a person can answer, left in a generated migration where the answer goes (the
 * value existing rows get in a new NOT NULL column, what becomes of rows holding a removed enum
 * value). A migration holding one does not run: {@code upgrade} refuses it before any statement,
 * naming the file and line; {@code check} and {@code lint} report it.
 */
public record Decision(String question) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
