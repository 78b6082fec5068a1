package dev.retort.config;

import static dev.retort.error.RetortException.invalidInput;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL plus credentials. Accepts {@code jdbc:postgresql://...}, the
 * {@code postgres://user:pass@host:port/db} form that platforms hand out as {@code DATABASE_URL},
 * and the libpq {@code PG*} environment variables. {@link #toString()} never shows the password.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  private static final Pattern SCHEME = Pattern.compile("^(?:jdbc:)?([a-zA-Z][a-zA-Z0-9+.-]*):");

  public DatabaseUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /**
   * Parses a URL; {@code user} and {@code password} given separately win over those in the URL.
   *
   * @throws dev.retort.error.RetortException (exit 2) for a non-PostgreSQL or malformed URL
   */
  public static DatabaseUrl parse(String url, String user, String password) {
    String trimmed = url.trim();
    Matcher scheme = SCHEME.matcher(trimmed);
    if (!scheme.find()) {
      throw invalidInput(
          "'" + redact(trimmed) + "' is not a database URL",
          "use jdbc:postgresql://host:5432/db or postgres://user:password@host:5432/db");
    }
    String kind = scheme.group(1).toLowerCase(Locale.ROOT);
    if (!kind.equals("postgresql") && !kind.equals("postgres")) {
      throw invalidInput(
          "Retort works with PostgreSQL only, but the URL is for " + kind,
          "point url at a PostgreSQL database: jdbc:postgresql://host:5432/db");
    }
    if (trimmed.startsWith("jdbc:")) {
      return new DatabaseUrl(trimmed, user, password);
    }
    return fromLibpqUrl(trimmed, user, password);
  }

  private static DatabaseUrl fromLibpqUrl(String url, String user, String password) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalidInput(
          "the database URL is malformed: " + redact(url),
          "percent-encode special characters in the password (@ as %40, / as %2F)");
    }
    if (uri.getHost() == null) {
      throw invalidInput(
          "the database URL has no host: " + redact(url),
          "write it as postgres://user:password@host:5432/db");
    }
    String urlUser = null;
    String urlPassword = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      urlUser = decode(parts[0]);
      urlPassword = parts.length > 1 ? decode(parts[1]) : null;
    }
    String database =
        uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostPart(uri.getHost()));
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append('/').append(database);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new DatabaseUrl(
        jdbc.toString(), user != null ? user : urlUser, password != null ? password : urlPassword);
  }

  private static String hostPart(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The libpq environment variables; null when none of PGHOST, PGDATABASE, PGPORT is set. */
  public static DatabaseUrl fromPgEnvironment(Map<String, String> env) {
    if (env.get("PGHOST") == null && env.get("PGDATABASE") == null && env.get("PGPORT") == null) {
      return null;
    }
    String user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
    String host = env.getOrDefault("PGHOST", "localhost");
    String port = env.getOrDefault("PGPORT", "5432");
    String database = env.getOrDefault("PGDATABASE", user);
    if (host.startsWith("/")) {
      throw invalidInput(
          "PGHOST=" + host + " is a Unix socket directory, which the JDBC driver cannot use",
          "set PGHOST to a host name such as localhost");
    }
    return new DatabaseUrl(
        "jdbc:postgresql://" + hostPart(host) + ":" + port + "/" + database,
        user,
        env.get("PGPASSWORD"));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A URL with any password removed, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** host:port/database, for messages; never includes the password. */
  public String display() {
    String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
    int query = rest.indexOf('?');
    String location = query < 0 ? rest : rest.substring(0, query);
    return (user == null ? "" : user + "@") + location;
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + redact(jdbcUrl) + ", user=" + user + "]";
  }
}
