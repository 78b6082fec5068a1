package dev.retort.schema;

import java.util.List;

/**
 * The schema the entities describe, as PostgreSQL itself spells it, with where each part comes
 * from.
 *
 * @param ddl the DDL Hibernate wrote (corrected), for {@code -v} and for debugging
 */
public record EntityModel(Schema schema, EntityProvenance provenance, List<String> ddl) {

  public EntityModel {
    ddl = List.copyOf(ddl);
  }
}
