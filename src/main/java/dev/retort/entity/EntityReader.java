package dev.retort.entity;

import dev.retort.schema.EntityDdl;

/** The entity stage: compiled entity classes in, Hibernate's DDL and provenance out. */
public interface EntityReader {

  EntityDdl read(EntityRequest request);
}
