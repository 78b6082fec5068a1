package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
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
