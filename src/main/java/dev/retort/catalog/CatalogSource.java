package dev.retort.catalog;

import dev.retort.schema.Schema;
import java.sql.Connection;

/**
 * The catalog stage: a database in, the schema model out. The caller sets the session's search path
 * to the scope's schemas first (the default first), so that PostgreSQL prints names in them
 * unqualified, as the model spells them.
 */
public interface CatalogSource {

  Schema read(Connection connection);
}
