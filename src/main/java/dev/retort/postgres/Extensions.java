package dev.retort.postgres;

import static java.util.Map.entry;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which PostgreSQL extension a type or a statement needs, read from PostgreSQL's own errors, so a
 * scratch server that lacks one says which and what to do instead of "type does not exist".
 */
public final class Extensions {

  /** SQLSTATE undefined_object: a type (among other things) that does not exist. */
  static final String UNDEFINED_OBJECT = "42704";

  /** CREATE EXTENSION of one the server does not have: 0A000 from PostgreSQL 15, 58P01 before. */
  static final String FEATURE_NOT_SUPPORTED = "0A000";

  static final String UNDEFINED_FILE = "58P01";

  /**
   * Column types of well-known extensions whose name is not the extension's own. A type named like
   * an extension the server offers ({@code citext}, {@code hstore}, {@code ltree}) is found without
   * this table.
   */
  private static final Map<String, String> PROVIDERS =
      Map.ofEntries(
          entry("geometry", "postgis"),
          entry("geography", "postgis"),
          entry("box2d", "postgis"),
          entry("box3d", "postgis"),
          entry("raster", "postgis_raster"),
          entry("vector", "vector"),
          entry("halfvec", "vector"),
          entry("sparsevec", "vector"),
          entry("citext", "citext"),
          entry("hstore", "hstore"),
          entry("ltree", "ltree"),
          entry("lquery", "ltree"),
          entry("ltxtquery", "ltree"),
          entry("cube", "cube"),
          entry("seg", "seg"),
          entry("earth", "earthdistance"),
          entry("ean13", "isn"),
          entry("isbn", "isn"),
          entry("isbn13", "isn"),
          entry("ismn", "isn"),
          entry("ismn13", "isn"),
          entry("issn", "isn"),
          entry("issn13", "isn"),
          entry("upc", "isn"),
          entry("lo", "lo"));

  private static final Pattern UNDEFINED_TYPE = Pattern.compile("type \"([^\"]+)\" does not exist");

  private static final Pattern NOT_AVAILABLE =
      Pattern.compile("extension \"([^\"]+)\" is not available");

  private static final Pattern CONTROL_FILE =
      Pattern.compile("extension control file \"[^\"]*?([^/\"]+)\\.control\"");

  private Extensions() {}

  /** The extension known to provide a type ({@code geometry}: {@code postgis}). */
  public static Optional<String> providerOf(String type) {
    return Optional.ofNullable(PROVIDERS.get(type.toLowerCase(Locale.ROOT)));
  }

  /**
   * The type PostgreSQL did not find ({@code type "vector" does not exist}, SQLSTATE 42704),
   * without its schema.
   */
  public static Optional<String> undefinedType(SQLException e) {
    if (!UNDEFINED_OBJECT.equals(e.getSQLState()) || e.getMessage() == null) {
      return Optional.empty();
    }
    Matcher matcher = UNDEFINED_TYPE.matcher(e.getMessage());
    if (!matcher.find()) {
      return Optional.empty();
    }
    String name = matcher.group(1);
    return Optional.of(name.substring(name.lastIndexOf('.') + 1));
  }

  /** The extension a {@code CREATE EXTENSION} did not find on the server. */
  public static Optional<String> unavailableExtension(SQLException e) {
    String state = e.getSQLState();
    if (e.getMessage() == null
        || !(FEATURE_NOT_SUPPORTED.equals(state) || UNDEFINED_FILE.equals(state))) {
      return Optional.empty();
    }
    Matcher available = NOT_AVAILABLE.matcher(e.getMessage());
    if (available.find()) {
      return Optional.of(available.group(1));
    }
    Matcher control = CONTROL_FILE.matcher(e.getMessage());
    return control.find() ? Optional.of(control.group(1)) : Optional.empty();
  }

  /** The hint for an extension a scratch server lacks. */
  public static String scratchHint() {
    return "set shadow.image to an image with it (needs Docker) or point url at a database where"
        + " it is installed";
  }

  /**
   * A failure while the migrations were replayed on a scratch server, explained when its cause is
   * an extension that server lacks (exit 10); any other failure as it was.
   *
   * @param server how the scratch server is named ("the embedded PostgreSQL")
   */
  public static RetortException explainReplay(RetortException failure, String server) {
    SQLException cause = sqlCause(failure);
    if (cause == null) {
      return failure;
    }
    String where = where(failure);
    Optional<String> extension = unavailableExtension(cause);
    if (extension.isPresent()) {
      return new RetortException(
          ExitCode.SHADOW_UNAVAILABLE,
          "a migration"
              + where
              + " creates extension \""
              + extension.get()
              + "\", which "
              + server
              + " does not have",
          scratchHint(),
          failure);
    }
    Optional<String> type = undefinedType(cause);
    Optional<String> provider = type.flatMap(Extensions::providerOf);
    if (provider.isEmpty()) {
      return failure;
    }
    return new RetortException(
        ExitCode.SHADOW_UNAVAILABLE,
        "a migration"
            + where
            + " uses type "
            + type.get()
            + " (extension \""
            + provider.get()
            + "\"), which is not installed on "
            + server,
        "a migration must create it first (op.execute(\"CREATE EXTENSION IF NOT EXISTS "
            + provider.get()
            + "\")); if "
            + server
            + " has no such extension, "
            + scratchHint(),
        failure);
  }

  /** Which migration step failed, from the runner's message ("upgrade of 1a2b (M1.java)"). */
  private static String where(RetortException failure) {
    String message = failure.getMessage();
    int failed = message.indexOf(" failed");
    if (failed <= 0
        || !(message.startsWith("upgrade of ") || message.startsWith("downgrade of "))) {
      return "";
    }
    return " (" + message.substring(0, failed) + ")";
  }

  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
