package dev.retort.operation;

import java.util.List;

/**
 * A remark among operations that does nothing when run: why the next steps are as they are (a
 * reverse that needs a placeholder value, say). Rendered as a comment in the generated class.
 */
public record Comment(String text) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of();
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
