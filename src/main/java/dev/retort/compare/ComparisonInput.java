package dev.retort.compare;

import dev.retort.entity.EntityProvenance;
import dev.retort.schema.Schema;

/**
 * What a comparison needs.
 *
 * @param live the database as it is
 * @param target the schema the entities describe
 * @param serverMajor the database's PostgreSQL major version (enum changes depend on it)
 */
public record ComparisonInput(
    Schema live, Schema target, EntityProvenance provenance, RenameRequests renames, int serverMajor) {

  public ComparisonInput {
    renames = renames == null ? RenameRequests.NONE : renames;
    provenance = provenance == null ? EntityProvenance.NONE : provenance;
  }
}
