package dev.retort.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a fleet's tenants come from: at most one of the three is set.
 *
 * @param schemas schema names or patterns ({@code tenant_*}) of schema-per-tenant databases, in the
 *     configured database
 * @param query SQL run on the configured database, whose first column names the tenants: schema
 *     names, or database URLs
 * @param file a file of database URLs, one a line (database-per-tenant); blank lines and lines
 *     starting with {@code #} are skipped
 * @param template the tenant {@code revision --autogenerate} and {@code check} compare the entities
 *     with (a schema name, a database URL, or a tenant's name), or null for the fleet's first
 */
public record TenantGroup(List<String> schemas, String query, Path file, String template) {

  public static final TenantGroup NONE = new TenantGroup(List.of(), null, null, null);

  public TenantGroup {
    schemas = List.copyOf(schemas);
  }

  public boolean isEmpty() {
    return schemas.isEmpty() && query == null && file == null;
  }

  /** Which setting names the tenants, for messages. */
  public String source() {
    return !schemas.isEmpty()
        ? ConfigKey.TENANTS_SCHEMAS.key()
        : query != null ? ConfigKey.TENANTS_QUERY.key() : ConfigKey.TENANTS_FILE.key();
  }
}
