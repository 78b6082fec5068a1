package dev.retort.config;

import static dev.retort.error.RetortException.invalidInput;

import dev.retort.discovery.ApplicationDatasource;
import dev.retort.discovery.ApplicationSettings;
import dev.retort.error.RetortException;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link RetortConfig} from, in order of precedence: command-line settings, {@code
 * RETORT_*} environment variables, the properties file (with {@code ${VAR}} and {@code
 * ${VAR:-default}} interpolation), and for the database {@code DATABASE_URL}, then {@code PG*}.
 */
public final class ConfigLoader {

  public static final String DEFAULT_FILE = "retort.properties";
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final Path workingDir;
  private final Map<String, String> environment;

  public ConfigLoader(Path workingDir, Map<String, String> environment) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.environment = environment;
  }

  /**
   * @param configFile the file named by {@code -c}, or null to use {@code retort.properties} in the
   *     working directory when it exists
   * @param overrides settings from the command line, keyed like the file
   */
  public RetortConfig load(Path configFile, Map<String, String> overrides) {
    Path file = configFile == null ? defaultFile() : workingDir.resolve(configFile).normalize();
    if (configFile != null && !Files.isRegularFile(file)) {
      throw invalidInput(
          "config file " + file + " does not exist", "check the -c path, or run 'retort init'");
    }
    Map<String, String> fileValues = file == null ? Map.of() : readFile(file);
    Path baseDir = file == null ? workingDir : file.getParent();

    Map<String, String> merged = new TreeMap<>(fileValues);
    for (ConfigKey key : ConfigKey.values()) {
      String value = environment.get(key.environmentVariable());
      if (value != null) {
        merged.put(key.key(), value);
      }
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      checkKnown(override.getKey(), "-D " + override.getKey());
      merged.put(override.getKey(), override.getValue());
    }
    ApplicationSettings application =
        new ApplicationFiles(baseDir, environment)
            .read(
                paths(baseDir, merged.get(ConfigKey.ENTITIES_CLASSPATH.key())),
                profileChoice(fileValues, overrides, file));
    return build(
        baseDir, file, merged, database(fileValues, overrides, file, application), application);
  }

  /** The profile Retort's own settings choose, and which one: flag, environment or file. */
  private ApplicationSettings.ProfileChoice profileChoice(
      Map<String, String> fileValues, Map<String, String> overrides, Path file) {
    String key = ConfigKey.PROFILE.key();
    if (overrides.containsKey(key)) {
      return new ApplicationSettings.ProfileChoice(overrides.get(key), "--profile");
    }
    String variable = ConfigKey.PROFILE.environmentVariable();
    if (environment.get(variable) != null) {
      return new ApplicationSettings.ProfileChoice(environment.get(variable), variable);
    }
    if (fileValues.containsKey(key)) {
      return new ApplicationSettings.ProfileChoice(
          fileValues.get(key), file.getFileName() + " (" + key + ")");
    }
    return null;
  }

  private Path defaultFile() {
    Path candidate = workingDir.resolve(DEFAULT_FILE);
    return Files.isRegularFile(candidate) ? candidate : null;
  }

  private Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw invalidInput("cannot read " + file + ": " + e.getMessage(), "check the file's syntax");
    }
    Map<String, String> values = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      checkKnown(key, file.getFileName() + ": key '" + key + "'");
      values.put(key, interpolate(properties.getProperty(key), key, file));
    }
    return values;
  }

  private static void checkKnown(String key, String where) {
    if (ConfigKey.isHibernateSetting(key) || ConfigKey.of(key).isPresent()) {
      return;
    }
    String suggestion =
        Arrays.stream(ConfigKey.values())
            .map(ConfigKey::key)
            .min(Comparator.comparingInt(k -> editDistance(k, key)))
            .filter(k -> editDistance(k, key) <= 3)
            .map(k -> "did you mean '" + k + "'? ")
            .orElse("");
    throw invalidInput(
        where + " is not a Retort setting",
        suggestion
            + "known keys: "
            + String.join(", ", keyNames())
            + ", hibernate.*, jakarta.persistence.*");
  }

  private static List<String> keyNames() {
    return Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList();
  }

  private String interpolate(String value, String key, Path file) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = environment.get(matcher.group(1));
      if (replacement == null) {
        replacement = matcher.group(3);
      }
      if (replacement == null) {
        throw invalidInput(
            file.getFileName()
                + ": "
                + key
                + " refers to ${"
                + matcher.group(1)
                + "}, which is not set in the environment",
            "export " + matcher.group(1) + ", or write ${" + matcher.group(1) + ":-default}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private RetortConfig build(
      Path baseDir,
      Path file,
      Map<String, String> values,
      Database database,
      ApplicationSettings application) {
    Map<String, String> hibernate = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (ConfigKey.isHibernateSetting(k)) {
            hibernate.put(k, v);
          }
        });
    List<String> schemas = list(values.get(ConfigKey.SCHEMAS.key()));
    String versionTable =
        values.getOrDefault(ConfigKey.VERSION_TABLE.key(), "retort_version").trim();
    if (!versionTable.matches("[A-Za-z_][A-Za-z0-9_$]{0,54}")) {
      throw invalidInput(
          "version_table '" + versionTable + "' is not a plain table name",
          "use letters, digits and underscores, at most 55 characters");
    }
    return new RetortConfig(
        baseDir,
        file,
        database.url(),
        database.source(),
        schemas.isEmpty() ? List.of("public") : schemas,
        onOff(ConfigKey.SCHEMAS_CREATE, values.getOrDefault(ConfigKey.SCHEMAS_CREATE.key(), "off")),
        list(values.get(ConfigKey.ENTITIES_PACKAGES.key())),
        paths(baseDir, values.get(ConfigKey.ENTITIES_CLASSPATH.key())),
        paths(baseDir, values.get(ConfigKey.ENTITIES_SOURCES.key())),
        hibernate,
        baseDir
            .resolve(
                values
                    .getOrDefault(
                        ConfigKey.MIGRATIONS_DIR.key(), defaultMigrations(baseDir, values).dir())
                    .trim())
            .normalize(),
        packageName(
            values
                .getOrDefault(
                    ConfigKey.MIGRATIONS_PACKAGE.key(), defaultMigrations(baseDir, values).pkg())
                .trim()),
        versionTable,
        list(values.get(ConfigKey.INCLUDE.key())),
        list(values.get(ConfigKey.EXCLUDE.key())),
        Production.resolve(values, environment),
        Duration.ofSeconds(seconds(values.getOrDefault(ConfigKey.LOCK_TIMEOUT.key(), "60"))),
        onOff(ConfigKey.CACHE, values.getOrDefault(ConfigKey.CACHE.key(), "on")),
        safety(values),
        majorVersion(values.get(ConfigKey.LINT_TARGET_VERSION.key())),
        application,
        modes(values),
        tenants(baseDir, values),
        shadowImage(values.get(ConfigKey.SHADOW_IMAGE.key())));
  }

  /**
   * A Docker image reference as Docker spells it: an optional registry host, a path of lower-case
   * components, a tag and/or a digest.
   */
  private static final Pattern IMAGE =
      Pattern.compile(
          "([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*"
              + "(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?");

  /** {@code shadow.image}, or null when unset. */
  private static String shadowImage(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String image = value.trim();
    if (!IMAGE.matcher(image).matches()) {
      throw invalidInput(
          ConfigKey.SHADOW_IMAGE.key() + " '" + image + "' is not a Docker image name",
          "write it as for docker pull: postgres:16, pgvector/pgvector:pg16,"
              + " postgis/postgis:16-3.4");
    }
    return image;
  }

  /** A PostgreSQL major version ({@code 16}), or null when unset. */
  private static Integer majorVersion(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int major = Integer.parseInt(value.trim());
      if (major >= 9 && major < 100) {
        return major;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalidInput(
        ConfigKey.LINT_TARGET_VERSION.key() + " '" + value + "' is not a PostgreSQL major version",
        "write the major version alone, e.g. " + ConfigKey.LINT_TARGET_VERSION.key() + "=16");
  }

  /** The database and the setting it came from. */
  private record Database(DatabaseUrl url, String source) {}

  /**
   * The database, by precedence: a flag ({@code --url}, {@code -D url}), {@code RETORT_URL}, {@code
   * DATABASE_URL}, the file's {@code url}, the application's own datasource ({@code
   * spring.datasource.url}, {@code quarkus.datasource.jdbc.url}), then the libpq {@code PG*}
   * variables. The file is the developer's default and the platform's {@code DATABASE_URL} the
   * deployment's truth, so the environment beats the file; every setting made for Retort beats what
   * it found in the application's files, which beat the shell's ambient {@code PG*} variables. User
   * and password set apart from the URL come from the same precedence; the file's apply to the
   * file's URL and to one given by flag or {@code RETORT_URL}, never to the platform's.
   */
  private Database database(
      Map<String, String> fileValues,
      Map<String, String> overrides,
      Path file,
      ApplicationSettings application) {
    String explicitUser = firstNonBlank(overrides.get("user"), environment.get("RETORT_USER"));
    String explicitPassword =
        firstNonNull(overrides.get("password"), environment.get("RETORT_PASSWORD"));
    String fileUser = blankToNull(fileValues.get(ConfigKey.USER.key()));
    String filePassword = fileValues.get(ConfigKey.PASSWORD.key());
    String user = firstNonBlank(explicitUser, fileUser);
    String password = firstNonNull(explicitPassword, filePassword);
    if (overrides.containsKey("url")) {
      return new Database(
          parseUrl(overrides.get("url"), "--url", user, password), "the command line");
    }
    String retortUrl = environment.get("RETORT_URL");
    if (retortUrl != null) {
      return new Database(parseUrl(retortUrl, "RETORT_URL", user, password), "RETORT_URL");
    }
    String databaseUrl = blankToNull(environment.get("DATABASE_URL"));
    if (databaseUrl != null) {
      return new Database(
          DatabaseUrl.parse(databaseUrl, explicitUser, explicitPassword), "DATABASE_URL");
    }
    if (fileValues.containsKey(ConfigKey.URL.key())) {
      String name = file == null ? DEFAULT_FILE : file.getFileName().toString();
      return new Database(
          parseUrl(fileValues.get(ConfigKey.URL.key()), "url", user, password), name);
    }
    ApplicationDatasource datasource = ApplicationDatasource.of(application);
    if (datasource != null && datasource.postgres()) {
      try {
        return new Database(
            DatabaseUrl.parse(
                datasource.url(),
                firstNonBlank(user, datasource.user()),
                firstNonNull(password, datasource.password())),
            datasource.source());
      } catch (RetortException e) {
        throw new RetortException(
            e.exitCode(), datasource.source() + ": " + e.getMessage(), e.hint(), e);
      }
    }
    DatabaseUrl fromPg = DatabaseUrl.fromPgEnvironment(environment);
    if (fromPg == null) {
      return new Database(null, null);
    }
    return new Database(
        new DatabaseUrl(
            fromPg.jdbcUrl(),
            explicitUser != null ? explicitUser : fromPg.user(),
            explicitPassword != null ? explicitPassword : fromPg.password()),
        "the PG* variables");
  }

  private static DatabaseUrl parseUrl(String url, String where, String user, String password) {
    if (url.isBlank()) {
      throw invalidInput(
          where + " is set but empty", "give a JDBC or postgres:// URL, or remove the setting");
    }
    return DatabaseUrl.parse(url, user, password);
  }

  private static String firstNonBlank(String first, String second) {
    return blankToNull(first) != null ? blankToNull(first) : blankToNull(second);
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }

  private static String packageName(String value) {
    if (!value.isEmpty()
        && !value.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
      throw invalidInput(
          "migrations.package '" + value + "' is not a Java package name",
          "use a name like com.example.migrations");
    }
    return value;
  }

  private static boolean onOff(ConfigKey key, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
      case "yes":
        return true;
      case "off":
      case "false":
      case "no":
        return false;
      default:
        throw invalidInput(
            key.key() + " '" + value + "' is neither on nor off",
            "write " + key.key() + "=on or off");
    }
  }

  private static Safety safety(Map<String, String> values) {
    Safety defaults = Safety.DEFAULTS;
    String retries = values.get(ConfigKey.MIGRATION_LOCK_RETRIES.key());
    return new Safety(
        values.containsKey(ConfigKey.PLAN_ONLINE.key())
            ? Safety.Online.parse(values.get(ConfigKey.PLAN_ONLINE.key()))
            : defaults.online(),
        duration(ConfigKey.MIGRATION_LOCK_TIMEOUT, values, defaults.lockTimeout()),
        duration(ConfigKey.MIGRATION_STATEMENT_TIMEOUT, values, defaults.statementTimeout()),
        retries == null
            ? defaults.lockRetries()
            : count(ConfigKey.MIGRATION_LOCK_RETRIES, retries));
  }

  private static RunModes modes(Map<String, String> values) {
    String lock = values.get(ConfigKey.LOCK_MODE.key());
    String transactions = values.get(ConfigKey.TRANSACTION_MODE.key());
    return new RunModes(
        lock == null ? RunModes.DEFAULTS.lock() : RunModes.LockMode.parse(lock),
        transactions == null
            ? RunModes.DEFAULTS.transactions()
            : RunModes.TransactionMode.parse(transactions));
  }

  private static TenantGroup tenants(Path baseDir, Map<String, String> values) {
    List<String> schemas = list(values.get(ConfigKey.TENANTS_SCHEMAS.key()));
    String query = blankToNull(values.get(ConfigKey.TENANTS_QUERY.key()));
    String file = blankToNull(values.get(ConfigKey.TENANTS_FILE.key()));
    long set = (schemas.isEmpty() ? 0 : 1) + (query == null ? 0 : 1) + (file == null ? 0 : 1);
    if (set > 1) {
      throw invalidInput(
          "more than one of tenants.schemas, tenants.query and tenants.file is set",
          "name the fleet one way: keep one of them");
    }
    String template = blankToNull(values.get(ConfigKey.TENANTS_TEMPLATE.key()));
    if (template != null && set == 0) {
      throw invalidInput(
          "tenants.template is set, but no fleet is",
          "name the fleet with tenants.schemas, tenants.query or tenants.file, or remove"
              + " tenants.template");
    }
    return new TenantGroup(
        schemas,
        query,
        file == null ? null : baseDir.resolve(file).normalize(),
        template == null ? null : template.strip());
  }

  private static Duration duration(ConfigKey key, Map<String, String> values, Duration fallback) {
    String value = values.get(key.key());
    return value == null ? fallback : Durations.parse(key.key(), value);
  }

  private static int count(ConfigKey key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0 || n > 100) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalidInput(
          key.key() + " '" + value + "' is not a number from 0 to 100",
          "write e.g. " + key.key() + "=3");
    }
  }

  private static long seconds(String value) {
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw invalidInput(
          "lock.timeout '" + value + "' is not a number of seconds", "write e.g. lock.timeout=60");
    }
  }

  static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  private static List<Path> paths(Path baseDir, String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<Path> paths = new ArrayList<>();
    for (String item : value.split("[" + File.pathSeparator + ",]")) {
      if (!item.isBlank()) {
        paths.add(baseDir.resolve(item.trim()).normalize());
      }
    }
    return paths;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      previous = current;
    }
    return previous[b.length()];
  }

  /** The settings a user can see: for {@code -v}. Passwords are never included. */
  /** Where migrations are when the settings do not say. */
  private record MigrationsDefault(String dir, String pkg) {}

  /**
   * {@code migrations/} (package {@code migrations}) beside the configuration; in a Maven project
   * with no such directory and no migration setting, Flyway's convention for Java migrations,
   * package {@code db.migration} under {@code src/main/java}: compiled into the application, so its
   * start-up (the Spring Boot auto-configuration, {@code Retort.migrationsIn("db.migration")})
   * finds them with no configuration at all.
   */
  private static MigrationsDefault defaultMigrations(Path baseDir, Map<String, String> values) {
    boolean set =
        values.containsKey(ConfigKey.MIGRATIONS_DIR.key())
            || values.containsKey(ConfigKey.MIGRATIONS_PACKAGE.key());
    if (!set
        && !Files.isDirectory(baseDir.resolve("migrations"))
        && Files.isDirectory(baseDir.resolve("src/main/java"))) {
      return new MigrationsDefault("src/main/java/db/migration", "db.migration");
    }
    return new MigrationsDefault("migrations", "migrations");
  }

  public static Map<String, String> describe(RetortConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("config", config.configFile() == null ? "(none)" : config.configFile().toString());
    out.put(
        "database",
        config.database() == null
            ? "(embedded)"
            : config.database().display() + " (from " + config.databaseSource() + ")");
    out.put("schemas", String.join(",", config.schemas()));
    if (config.shadowImage() != null) {
      out.put("shadow", config.shadowImage() + " (shadow.image)");
    }
    out.put("migrations", config.migrationsDir() + " (package " + config.migrationsPackage() + ")");
    return out;
  }
}
