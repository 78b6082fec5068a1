package dev.retort.operation;

import dev.retort.schema.Table;
import java.util.List;

/**
 * Creates a table with its columns, constraints and comment. Indexes are separate {@link
 * CreateIndex} operations; the table's index list must be empty.
 */
public record CreateTable(Table table) implements Operation {

  public CreateTable {
    if (!table.indexes().isEmpty()) {
      throw new IllegalArgumentException(
          "create indexes of " + table.name() + " with separate operations");
    }
  }

  @Override
  public List<Operation> reverse() {
    return List.of(new DropTable(table.name(), table, List.of()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
