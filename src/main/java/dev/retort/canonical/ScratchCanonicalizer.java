package dev.retort.canonical;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.postgres.Extensions;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.Schema;
import dev.retort.timing.PhaseTimer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the entity DDL inside scratch schemas, in a transaction that is always rolled back, and
 * reads the result with the same catalog reader as the live database. PostgreSQL thereby normalizes
 * types, defaults, checks and index expressions for both sides alike. Nothing survives: not the
 * schemas, not the types, not the locks (all belong to the rolled-back transaction).
 *
 * <p>It runs on the target database when there is one and it lets us create schemas there, else on
 * the scratch server (the embedded PostgreSQL, or the {@code shadow.image} container). A type the
 * DDL names from an extension the database has not installed, but could, is resolved by installing
 * the extension inside the same rolled-back transaction; one the server does not have is named,
 * with where to get it (exit 10).
 */
public final class ScratchCanonicalizer implements Canonicalizer {

  static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** "out of shared memory": the lock table is full (max_locks_per_transaction). */
  static final String OUT_OF_SHARED_MEMORY = "53200";

  private final DatabaseUrl target;
  private final String targetName;
  private final boolean targetIsScratch;
  private final ScratchServer.Factory scratch;
  private final CatalogScope liveScope;
  private final Consumer<String> warnings;
  private final PhaseTimer timer;

  private ScratchCanonicalizer(
      DatabaseUrl target,
      String targetName,
      boolean targetIsScratch,
      ScratchServer.Factory scratch,
      CatalogScope liveScope,
      Consumer<String> warnings,
      PhaseTimer timer) {
    this.target = target;
    this.targetName = targetName;
    this.targetIsScratch = targetIsScratch;
    this.scratch = scratch;
    this.liveScope = liveScope;
    this.warnings = warnings;
    this.timer = timer;
  }

  /**
   * On the user's database, falling back to the scratch server when it refuses scratch schemas.
   *
   * @param target the database to canonicalize on, or null for the scratch server alone
   * @param scratch the scratch server (embedded, or the {@code shadow.image} container)
   * @param liveScope how the live database is read (schemas, what is ignored)
   */
  public static ScratchCanonicalizer onDatabase(
      DatabaseUrl target,
      ScratchServer.Factory scratch,
      CatalogScope liveScope,
      Consumer<String> warnings,
      PhaseTimer timer) {
    return new ScratchCanonicalizer(
        target,
        target == null ? null : "the database " + target.display(),
        false,
        scratch,
        liveScope,
        warnings,
        timer);
  }

  /**
   * On the database the migrations were just replayed in, on the scratch server itself ({@code
   * check} without a database).
   */
  public static ScratchCanonicalizer onReplay(
      DatabaseUrl replayed,
      ScratchServer.Factory scratch,
      CatalogScope liveScope,
      Consumer<String> warnings,
      PhaseTimer timer) {
    return new ScratchCanonicalizer(
        replayed, scratch.describe(), true, scratch, liveScope, warnings, timer);
  }

  /**
   * Thrown when the database cannot hold the scratch schemas: the user may not create schemas
   * there, or the model needs more locks in one transaction than the server grants. The caller
   * falls back to the embedded server.
   */
  static final class ScratchRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    ScratchRefused(String reason, SQLException cause) {
      super(cause.getMessage(), cause);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  @Override
  public Schema canonicalize(EntityDdl ddl) {
    return canonicalize(ddl, liveScope);
  }

  /**
   * The schema the statements create, read with {@code readScope}'s schemas and rules: {@link
   * SpellingCanonicalizer} reads its probe tables without the user's include and exclude rules.
   */
  Schema canonicalize(EntityDdl ddl, CatalogScope readScope) {
    // The live database's extensions: where one the DDL needs is installed there, it is installed
    // in the same schema on the scratch server, so the type is named alike on both sides.
    Map<String, String> liveExtensions = Map.of();
    if (target != null) {
      // A connection of its own: DDL ran twice as slowly on the one that had read the live catalog.
      try (Connection connection =
          timer.timeChecked("canonicalize/connect", () -> Connections.open(target))) {
        liveExtensions =
            timer.timeChecked(
                "canonicalize/extensions", () -> ScratchExtensions.installed(connection));
        return canonicalizeOn(
            connection, ddl, new Place(targetName, targetIsScratch, liveExtensions), readScope);
      } catch (ScratchRefused e) {
        warnings.accept(
            e.reason()
                + target.display()
                + " ("
                + e.getMessage().split("\\R")[0]
                + "); canonicalizing the entity model on "
                + scratch.describe()
                + " instead");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    try (ScratchServer server = scratch.start();
        Connection connection = Connections.open(server.url("postgres"))) {
      return canonicalizeOn(
          connection, ddl, new Place(server.describe(), true, liveExtensions), readScope);
    } catch (ScratchRefused e) {
      throw new IllegalStateException("the scratch server refused a scratch schema", e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where the DDL runs, for what is said about extensions.
   *
   * @param name how messages name it ("the embedded PostgreSQL", "the database app@db:5432/app")
   * @param scratch whether it is a scratch server (then shadow.image is the remedy)
   * @param liveExtensions the extensions of the live database, with their schemas
   */
  private record Place(String name, boolean scratch, Map<String, String> liveExtensions) {}

  /**
   * A DDL statement PostgreSQL refused (apart from the other SQL errors, which are not the DDL's).
   */
  private static final class StatementFailed extends SQLException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final SQLException error;

    StatementFailed(String sql, SQLException error) {
      super(error.getMessage(), error.getSQLState(), error);
      this.sql = sql;
      this.error = error;
    }
  }

  /**
   * The canonical schema the statements create, read with the live scope's rules: each real schema
   * stands in a scratch schema whose name carries a random token, so it never meets a real one nor
   * another run's.
   */
  private Schema canonicalizeOn(
      Connection connection, EntityDdl ddl, Place place, CatalogScope readScope)
      throws ScratchRefused {
    byte[] bytes = new byte[4];
    new SecureRandom().nextBytes(bytes);
    String prefix = "retort_scratch_" + HexFormat.of().formatHex(bytes) + "_";
    List<String> scratchNames = new ArrayList<>();
    for (int i = 0; i < ddl.schemas().size(); i++) {
      scratchNames.add(prefix + i);
    }
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL lock_timeout = '10s'");
        for (String name : scratchNames) {
          try {
            statement.execute("CREATE SCHEMA " + Identifiers.quote(name));
          } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
              throw new ScratchRefused("no privilege to create a scratch schema in ", e);
            }
            throw e;
          }
        }
        try {
          timer.timeChecked(
              "canonicalize/ddl",
              () -> {
                createWithExtensions(connection, ddl, scratchNames, place);
                return null;
              });
        } catch (StatementFailed e) {
          if (OUT_OF_SHARED_MEMORY.equals(e.error.getSQLState())) {
            throw new ScratchRefused(
                "the entity model needs more locks in one transaction than"
                    + " max_locks_per_transaction grants in ",
                e.error);
          }
          throw ddlFailed(e.sql, e.error, ddl.provenance());
        }
        ScratchExtensions.setSearchPath(connection, scratchNames, false);
        int configured = readScope.databaseSchemas().size();
        CatalogReader reader =
            new CatalogReader(readScope.onScratch(scratchNames.subList(0, configured)));
        return timer.timeChecked("canonicalize/read", () -> reader.read(connection));
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new RetortException(
          ExitCode.DATABASE_UNAVAILABLE,
          "canonicalizing the entity model failed: " + e.getMessage(),
          "check the database connection",
          e);
    }
  }

  /**
   * Runs the DDL; when a type it names is missing and an extension provides it, installs that
   * extension (if the server has it) and runs the DDL again, once per extension.
   */
  private void createWithExtensions(
      Connection connection, EntityDdl ddl, List<String> scratchNames, Place place)
      throws SQLException {
    List<String> statements = ddl.statementsIn(scratchNames);
    Set<String> installed = new TreeSet<>();
    while (true) {
      ScratchExtensions.setSearchPath(connection, scratchNames, true);
      Savepoint attempt = connection.setSavepoint();
      try {
        execute(connection, statements);
        return;
      } catch (StatementFailed e) {
        Optional<String> type = Extensions.undefinedType(e.error);
        if (type.isEmpty()) {
          throw e;
        }
        connection.rollback(attempt);
        String extension = provider(connection, type.get());
        if (extension == null) {
          throw e;
        }
        String entity = entityOf(e.sql, ddl.provenance());
        if (!ScratchExtensions.available(connection, extension)) {
          throw missingExtension(type.get(), extension, entity, place);
        }
        if (!installed.add(extension)) {
          throw e; // installed, and the type is still not found: not this extension's problem
        }
        install(connection, extension, scratchNames, place, type.get(), entity);
      }
    }
  }

  /** The extension that provides {@code type}: a known one, or one named like the type. */
  private static String provider(Connection connection, String type) throws SQLException {
    Optional<String> known = Extensions.providerOf(type);
    if (known.isPresent()) {
      return known.get();
    }
    return ScratchExtensions.available(connection, type) ? type : null;
  }

  /**
   * Installs the extension for this transaction: where the live database has it (its scratch
   * stand-in when that is a compared schema), else in the default schema's stand-in, where a
   * migration's {@code CREATE EXTENSION} would put it.
   */
  private void install(
      Connection connection,
      String extension,
      List<String> scratchNames,
      Place place,
      String type,
      String entity)
      throws SQLException {
    String live = place.liveExtensions().get(extension);
    int index = live == null ? 0 : liveScope.realSchemas().indexOf(live);
    String schema = index >= 0 ? scratchNames.get(index) : live;
    Savepoint before = connection.setSavepoint();
    try {
      ScratchExtensions.create(connection, extension, schema);
    } catch (SQLException e) {
      connection.rollback(before);
      throw new RetortException(
          ExitCode.SHADOW_UNAVAILABLE,
          "the entity model"
              + entity
              + " uses type "
              + type
              + " (extension \""
              + extension
              + "\"), which "
              + place.name()
              + " has not installed, and Retort may not install it there for the comparison: "
              + Connections.firstLine(e),
          "install it there (CREATE EXTENSION " + extension + ", as a role allowed to)",
          e);
    }
    if (live == null) {
      warnings.accept(
          "the entity model"
              + entity
              + " uses type "
              + type
              + " of extension \""
              + extension
              + "\", which "
              + (place.scratch()
                  ? "the migrations do not create"
                  : "is not installed in " + place.name())
              + "; it was installed for the comparison only: a migration must run CREATE"
              + " EXTENSION IF NOT EXISTS "
              + extension
              + " before the first table that uses it");
    }
  }

  private static RetortException missingExtension(
      String type, String extension, String entity, Place place) {
    return new RetortException(
        ExitCode.SHADOW_UNAVAILABLE,
        "the entity model"
            + entity
            + " uses type "
            + type
            + " (extension \""
            + extension
            + "\"), which "
            + place.name()
            + " does not have",
        place.scratch()
            ? Extensions.scratchHint()
            : "install the extension on that database's server (the application needs it there"
                + " too)");
  }

  /**
   * All statements in one round trip; only if that fails, one by one from a savepoint, to name the
   * statement PostgreSQL refused.
   */
  private static void execute(Connection connection, List<String> ddl) throws SQLException {
    if (ddl.isEmpty()) {
      return;
    }
    Savepoint before = connection.setSavepoint();
    try (Statement statement = connection.createStatement()) {
      statement.execute(String.join(";\n", ddl));
      return;
    } catch (SQLException batchFailed) {
      connection.rollback(before);
    }
    try (Statement statement = connection.createStatement()) {
      for (String sql : ddl) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new StatementFailed(sql, e);
        }
      }
    }
  }

  /**
   * Where the table is named in the statement, bare or after its (scratch) schema, in any case (the
   * model holds names as PostgreSQL folds them, the DDL as the mapping spells them); -1 if not.
   */
  private static int position(String sql, String table) {
    Matcher named =
        Pattern.compile(
                "(?<=[\\s.\"])" + Pattern.quote(table) + "\"?(?=[\\s(])", Pattern.CASE_INSENSITIVE)
            .matcher(sql);
    return named.find() ? named.start() : -1;
  }

  /** " (from fx.Order)": the entity of the statement's own table, named first in it. */
  private static String entityOf(String sql, EntityProvenance provenance) {
    return provenance.tables().entrySet().stream()
        .filter(t -> position(sql, t.getKey().name()) >= 0)
        .min(Comparator.comparingInt(t -> position(sql, t.getKey().name())))
        .map(t -> " (from " + t.getValue() + ")")
        .orElse("");
  }

  private static RetortException ddlFailed(
      String sql, SQLException e, EntityProvenance provenance) {
    String statement = sql.length() > 160 ? sql.substring(0, 157) + "..." : sql;
    // The statement's own table is named first ("alter table orders ... references users").
    String entity = entityOf(sql, provenance);
    String error = e.getMessage() == null ? e.toString() : e.getMessage().split("\\R")[0];
    String hint =
        error.contains("syntax error")
            ? "a table or column name may be a reserved word: quote it (@Table(name = \"\\\"user\\\"\")) or set"
                + " hibernate.auto_quote_keyword=true, as the application must too"
            : "the application would hit the same error creating this schema; fix the mapping";
    return new RetortException(
        ExitCode.INVALID_INPUT,
        "Hibernate's DDL for the entities fails on PostgreSQL"
            + entity
            + ": "
            + error
            + " in: "
            + statement,
        hint,
        e);
  }
}
