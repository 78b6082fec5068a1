package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import java.util.List;

public record BulkInsert(QualifiedName table, Rows rows) implements Operation {

  @Override
  public List<Operation> reverse() {
    return List.of(
        new Irreversible(
            "rows inserted into "
                + table
                + " are not removed automatically;"
                + " write the downgrade by hand (for example a DELETE) if it matters"));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
