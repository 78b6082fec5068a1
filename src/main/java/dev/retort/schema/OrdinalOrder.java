package dev.retort.schema;

import java.util.List;

/**
 * What the numbers in an ORDINAL enum column mean: the constants in position order. The database
 * cannot tell; migrations record it ({@code @OrdinalEnum}).
 */
public record OrdinalOrder(QualifiedName table, String column, List<String> constants) {

  public OrdinalOrder {
    constants = List.copyOf(constants);
  }

  /** The column, the key a history of orders is kept by. */
  public ColumnRef key() {
    return new ColumnRef(table, column);
  }
}
