package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

/** Sets ({@code to} non-null) or removes a table comment. */
public record SetTableComment(QualifiedName table, Change<String> comment) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(new SetTableComment(table, comment.reverse()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
