package dev.retort.entity;

import dev.retort.schema.EntityDdl;
import dev.retort.timing.PhaseTimer;
import java.util.List;
import java.util.Map;

/**
 * Builds Hibernate's model of the entities: the create-DDL it writes for PostgreSQL and where each
 * table and column comes from. Its implementation is the one piece of Retort that touches
 * Hibernate; it is loaded in the class loader of whichever Hibernate reads the model (the
 * application's own, or the bundled one), so it talks to Retort only through this interface and
 * Retort's neutral types.
 */
public interface HibernateModelBuilder {

  /** The implementation, named rather than referenced: it is loaded by the Hibernate's loader. */
  String IMPLEMENTATION = "dev.retort.entity.hibernate.RuntimePathModel";

  /** The version of the Hibernate this builder runs on, such as {@code 6.6.55.Final}. */
  String hibernateVersion();

  /**
   * @param entities the class loader of the entity classes
   * @param settings Hibernate and JPA settings, as the application passes them
   * @param postgresMajor the server's major version, which Hibernate's dialect follows
   * @param schemas the configured schemas, the default first: each explicit schema is written as
   *     its placeholder
   */
  EntityDdl build(
      ClassLoader entities,
      List<String> classNames,
      Map<String, String> settings,
      int postgresMajor,
      List<String> schemas,
      PhaseTimer timer);
}
