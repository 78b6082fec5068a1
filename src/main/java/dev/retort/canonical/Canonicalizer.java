package dev.retort.canonical;

import dev.retort.schema.EntityDdl;
import dev.retort.schema.Schema;

/**
 * The canonicalization stage: the entities' DDL in, the schema it creates out, as PostgreSQL spells
 * it and named as the model names things (the default schema unqualified). Every enum type and
 * sequence the statements create is in the result; {@link JavaEnumTypes} then keeps those the model
 * uses.
 */
public interface Canonicalizer {

  Schema canonicalize(EntityDdl ddl);
}
