package dev.retort.compare;

import dev.retort.schema.ColumnRef;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.Schema;
import java.util.Map;

/**
 * What a comparison needs.
 *
 * @param live the database as it is
 * @param target the schema the entities describe
 * @param serverMajor the database's PostgreSQL major version (enum changes depend on it)
 * @param recordedOrdinalOrders what ORDINAL enum columns mean, as the applied migrations recorded
 *     it
 */
public record ComparisonInput(
    Schema live,
    Schema target,
    EntityProvenance provenance,
    RenameRequests renames,
    int serverMajor,
    Map<ColumnRef, OrdinalOrder> recordedOrdinalOrders) {

  public ComparisonInput {
    renames = renames == null ? RenameRequests.NONE : renames;
    provenance = provenance == null ? EntityProvenance.NONE : provenance;
    recordedOrdinalOrders =
        recordedOrdinalOrders == null ? Map.of() : Map.copyOf(recordedOrdinalOrders);
  }

  public ComparisonInput(
      Schema live,
      Schema target,
      EntityProvenance provenance,
      RenameRequests renames,
      int serverMajor) {
    this(live, target, provenance, renames, serverMajor, Map.of());
  }
}
