package dev.retort.config;

import static dev.retort.error.RetortException.invalidInput;

import dev.retort.error.Redaction;
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
 * and the libpq {@code PG*} environment variables. Anything that is not a usable PostgreSQL URL is
 * refused (exit 2) with a message that names the part to fix and never shows a password; every
 * password it reads is registered with {@link Redaction}. {@link #toString()} never shows one.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  private static final Pattern SCHEME = Pattern.compile("^(?:jdbc:)?([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final String JDBC_PREFIX = "jdbc:postgresql://";

  public DatabaseUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Redaction.register(password);
  }

  /**
   * Parses a URL; {@code user} and {@code password} given separately win over those in the URL.
   *
   * @throws dev.retort.error.RetortException (exit 2) for a non-PostgreSQL or malformed URL
   */
  public static DatabaseUrl parse(String url, String user, String password) {
    String trimmed = url.trim();
    registerUserInfoSecret(trimmed);
    if (trimmed.regionMatches(true, 0, "jdbc:postgresql", 0, 15)
        && !trimmed.startsWith(JDBC_PREFIX)) {
      throw invalidInput(
          "the JDBC URL is malformed: " + redact(trimmed), "write jdbc:postgresql://host:5432/db");
    }
    Matcher scheme = SCHEME.matcher(trimmed);
    boolean jdbc = trimmed.regionMatches(true, 0, "jdbc:", 0, 5);
    if (!scheme.find() || !(jdbc || trimmed.substring(scheme.end()).startsWith("//"))) {
      throw invalidInput(
          "'" + redact(trimmed) + "' is not a database URL",
          "use jdbc:postgresql://host:5432/db or postgres://user:password@host:5432/db");
    }
    String kind = scheme.group(1).toLowerCase(Locale.ROOT);
    int plus = kind.indexOf('+');
    if (plus > 0 && (kind.startsWith("postgres"))) {
      throw invalidInput(
          "the URL names a Python driver ('"
              + kind.substring(plus)
              + "'), which Retort does not use",
          "drop '" + kind.substring(plus) + "': write " + kind.substring(0, plus) + "://...");
    }
    if (!kind.equals("postgresql") && !kind.equals("postgres")) {
      throw invalidInput(
          "Retort works with PostgreSQL only, but the URL is for " + kind,
          "point url at a PostgreSQL database: jdbc:postgresql://host:5432/db");
    }
    if (trimmed.startsWith("jdbc:")) {
      return fromJdbcUrl(trimmed, user, password);
    }
    if (!trimmed.regionMatches(true, kind.length(), "://", 0, 3)) {
      throw invalidInput(
          "the database URL is malformed: " + redact(trimmed), "write " + kind + "://host:5432/db");
    }
    return fromLibpqUrl(trimmed, user, password);
  }

  /**
   * {@code jdbc:postgresql://host[:port][,host[:port]...]/db[?parameters]}, checked as the driver
   * reads it.
   */
  private static DatabaseUrl fromJdbcUrl(String url, String user, String password) {
    if (!url.startsWith(JDBC_PREFIX)) {
      throw invalidInput(
          "the JDBC URL is malformed: " + redact(url), "write jdbc:postgresql://host:5432/db");
    }
    String rest = url.substring(JDBC_PREFIX.length());
    int end = indexOfAny(rest, "/?");
    String authority = end < 0 ? rest : rest.substring(0, end);
    if (authority.contains("@")) {
      throw invalidInput(
          "the JDBC URL holds user info (user:password@host), which the PostgreSQL driver does not"
              + " read: "
              + redact(url),
          "set user and password separately, or write postgres://user:password@host:5432/db");
    }
    for (String host : authority.split(",")) {
      int colon =
          host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
      if (colon >= 0) {
        checkPort(host.substring(colon + 1), url);
      }
    }
    return new DatabaseUrl(url, user, password);
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
      String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
      String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
      int colon = hostPort.lastIndexOf(':');
      if (colon >= 0 && !hostPort.endsWith("]")) {
        checkPort(hostPort.substring(colon + 1), url);
      }
      throw invalidInput(
          "the database URL has no usable host: " + redact(url),
          "write it as postgres://user:password@host:5432/db, percent-encoding @ and / in the"
              + " password (%40, %2F)");
    }
    if (uri.getPort() > 65535) {
      checkPort(String.valueOf(uri.getPort()), url);
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
    StringBuilder jdbc = new StringBuilder(JDBC_PREFIX).append(hostPart(uri.getHost()));
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

  private static void checkPort(String port, String url) {
    boolean usable =
        port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
    if (!usable) {
      throw invalidInput(
          "the port '" + port + "' in the database URL is not a port (1 to 65535): " + redact(url),
          "write host:5432, or leave the port out for 5432");
    }
  }

  private static int indexOfAny(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** A password in {@code scheme://user:password@host}, even malformed, becomes a known secret. */
  private static void registerUserInfoSecret(String url) {
    int start = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (start < 0 || at < start) {
      return;
    }
    String userInfo = url.substring(start + 3, at);
    int colon = userInfo.indexOf(':');
    if (colon >= 0) {
      String secret = userInfo.substring(colon + 1);
      Redaction.register(secret);
      try {
        Redaction.register(decode(secret));
      } catch (IllegalArgumentException e) {
        // Not percent-encoding after all: the raw form is registered.
      }
    }
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
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw invalidInput("PGPORT=" + port + " is not a port (1 to 65535)", "set PGPORT=5432");
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
    return Redaction.redact(url);
  }

  /** {@code user@host:port/database}, for messages; never includes the password. */
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
