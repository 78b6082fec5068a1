package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.config.ConfigKey;
import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.config.TenantGroup;
import dev.retort.connect.Connections;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The tenants a configuration names ({@code tenants.schemas}, {@code tenants.query} or {@code
 * tenants.file}), narrowed by a {@code --tenants} filter, in a stable order (so the canary is the
 * same tenants every time): schemas by name, databases in the file's or the query's order.
 */
final class TenantDirectory {

  /**
   * The tenant autogenerate and check compare the entities with.
   *
   * @param chosenBy how it was chosen, for the line that says so
   */
  record Template(Tenant tenant, String chosenBy) {

    /** "the template tenant tenant_00 (tenants.template)". */
    String describe() {
      return "the template tenant " + tenant.name() + " (" + chosenBy + ")";
    }
  }

  private final RetortConfig config;

  TenantDirectory(RetortConfig config) {
    this.config = config;
  }

  /**
   * @param filter comma-separated names or patterns ({@code tenant_0*}); null or blank for all
   */
  List<Tenant> list(String filter) {
    TenantGroup group = config.tenants();
    if (group.isEmpty()) {
      throw RetortException.invalidInput(
          "--tenants needs a fleet, and none is configured",
          "set tenants.schemas=tenant_* (schema per tenant), tenants.query=SQL or"
              + " tenants.file=FILE (one database URL a line)");
    }
    List<Tenant> all =
        group.file() != null
            ? fromLines(readFile(group))
            : group.query() != null ? fromLines(query(group.query())) : schemas(group.schemas());
    List<String> patterns = filter == null ? List.of() : split(filter);
    List<Tenant> chosen =
        all.stream().filter(t -> patterns.isEmpty() || matchesAny(patterns, t)).toList();
    if (chosen.isEmpty()) {
      throw RetortException.invalidInput(
          group.source()
              + " names "
              + all.size()
              + " tenant(s)"
              + (patterns.isEmpty() ? "" : ", none of them matching '" + filter + "'"),
          patterns.isEmpty()
              ? "check " + group.source()
              : "list tenants with 'retort current --tenants'; patterns use * and ?");
    }
    return chosen;
  }

  /**
   * The tenant the entities are compared with when a fleet is configured (see {@link Template}):
   * {@code tenants.template}, else the first of {@code tenants} (the fleet, or the part of it a
   * command works on).
   */
  Template template(List<Tenant> tenants) {
    String value = config.tenants().template();
    if (value == null) {
      return new Template(tenants.get(0), "the fleet's first tenant; tenants.template chooses");
    }
    return new Template(named(value), ConfigKey.TENANTS_TEMPLATE.key());
  }

  /**
   * The template when a fleet is configured, or null when there is none, or when the fleet could
   * only be listed from a database that is not configured and no template is named (then, as
   * without a fleet, the entities are compared with an embedded server's migrations).
   */
  Template template() {
    TenantGroup group = config.tenants();
    if (group.isEmpty()
        || (group.template() == null && group.file() == null && config.database() == null)) {
      return null;
    }
    return group.template() == null
        ? template(list(null))
        : new Template(named(group.template()), ConfigKey.TENANTS_TEMPLATE.key());
  }

  /**
   * A template named by {@code tenants.template}: a database URL; a tenant of the fleet by its name
   * (or its database's); else a schema of the configured database, which need not be a tenant (a
   * template kept apart from the tenants' pattern).
   */
  private Tenant named(String value) {
    if (value.contains("://") || value.startsWith("jdbc:")) {
      return database(value);
    }
    TenantGroup group = config.tenants();
    if (group.file() != null || group.query() != null) {
      List<Tenant> fleet =
          group.file() != null ? fromLines(readFile(group)) : fromLines(query(group.query()));
      for (Tenant tenant : fleet) {
        if (tenant.name().equals(value)
            || tenant.name().substring(tenant.name().lastIndexOf('/') + 1).equals(value)) {
          return tenant;
        }
      }
      if (group.file() != null) {
        throw RetortException.invalidInput(
            "tenants.template '" + value + "' is neither a database URL nor a tenant of the fleet",
            "name a database of " + group.source() + " (its name or URL), or give a URL");
      }
    }
    return new Tenant(value, config.requireDatabase(), List.of(value));
  }

  private static boolean matchesAny(List<String> patterns, Tenant tenant) {
    String database = tenant.name().substring(tenant.name().lastIndexOf('/') + 1);
    return patterns.stream()
        .anyMatch(p -> CatalogScope.matches(p, tenant.name()) || CatalogScope.matches(p, database));
  }

  /** The schemas of the configured database that the names and patterns match, by name. */
  private List<Tenant> schemas(List<String> patterns) {
    DatabaseUrl url = config.requireDatabase();
    TreeSet<String> names = new TreeSet<>();
    for (String schema : query("SELECT nspname FROM pg_catalog.pg_namespace")) {
      if (!schema.startsWith("pg_")
          && !schema.equals("information_schema")
          && patterns.stream().anyMatch(p -> CatalogScope.matches(p, schema))) {
        names.add(schema);
      }
    }
    return names.stream().map(schema -> new Tenant(schema, url, List.of(schema))).toList();
  }

  /** Query rows or file lines: database URLs, or schema names of the configured database. */
  private List<Tenant> fromLines(List<String> lines) {
    List<Tenant> tenants = new ArrayList<>();
    for (String line : lines) {
      // A query may return NULL for a row: no tenant there.
      String value = line == null ? "" : line.strip();
      if (value.isEmpty() || value.startsWith("#")) {
        continue;
      }
      if (value.contains("://") || value.startsWith("jdbc:")) {
        tenants.add(database(value));
      } else {
        tenants.add(new Tenant(value, config.requireDatabase(), List.of(value)));
      }
    }
    if (config.tenants().query() != null) {
      tenants.sort(Comparator.comparing(Tenant::name));
    }
    return tenants;
  }

  /** A tenant database; the configured user and password serve when its URL names none. */
  private Tenant database(String value) {
    DatabaseUrl parsed = DatabaseUrl.parse(value, null, null);
    DatabaseUrl shared = config.database();
    DatabaseUrl url =
        parsed.user() != null || shared == null
            ? parsed
            : new DatabaseUrl(parsed.jdbcUrl(), shared.user(), shared.password());
    return new Tenant(url.display(), url, config.schemas());
  }

  private List<String> readFile(TenantGroup group) {
    try {
      return Files.readAllLines(group.file());
    } catch (IOException e) {
      throw RetortException.invalidInput(
          "cannot read tenants.file " + group.file() + ": " + e.getMessage(),
          "check the path (relative to the configuration file's directory)");
    }
  }

  private List<String> query(String sql) {
    DatabaseUrl url = config.requireDatabase();
    try (Connection connection = Connections.open(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "the tenants query failed on " + url.display() + ": " + Connections.firstLine(e),
          "check tenants.query: its first column names the tenants (schemas or database URLs)",
          e);
    }
  }

  private static List<String> split(String filter) {
    return List.of(filter.split(",")).stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
