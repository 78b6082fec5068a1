package dev.retort.workspace;

import dev.retort.config.DatabaseUrl;
import java.util.List;

/**
 * One member of a fleet: a schema of a shared database (its version table in that schema), or a
 * database of its own.
 *
 * @param name what reports call it: the schema, or the database as {@code user@host:port/db}
 * @param url where it lives
 * @param schemas the schemas its runner works on, the tenant's own first (where its version table
 *     lives)
 */
public record Tenant(String name, DatabaseUrl url, List<String> schemas) {

  public Tenant {
    schemas = List.copyOf(schemas);
  }

  /** The server it lives on ({@code host:port}), which the per-server connection cap counts by. */
  public String server() {
    String rest = url.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
