package dev.retort.canonical;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs the entity DDL inside scratch schemas, in a transaction that is always rolled back, and
 * reads the result with the same catalog reader as the live database. PostgreSQL thereby normalizes
 * types, defaults, checks and index expressions for both sides alike. Nothing survives: not the
 * schemas, not the types, not the locks (all belong to the rolled-back transaction).
 *
 * <p>It runs on the target database when there is one and it lets us create schemas there, else on
 * an embedded server.
 */
public final class ScratchCanonicalizer implements Canonicalizer {

  static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** "out of shared memory": the lock table is full (max_locks_per_transaction). */
  static final String OUT_OF_SHARED_MEMORY = "53200";

  private final DatabaseUrl target;
  private final CatalogScope liveScope;
  private final Consumer<String> warnings;
  private final PhaseTimer timer;

  /**
   * @param target the database to canonicalize on, or null for the embedded server
   * @param liveScope how the live database is read (schemas, what is ignored)
   */
  public ScratchCanonicalizer(
      DatabaseUrl target, CatalogScope liveScope, Consumer<String> warnings, PhaseTimer timer) {
    this.target = target;
    this.liveScope = liveScope;
    this.warnings = warnings;
    this.timer = timer;
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
    if (target != null) {
      // A connection of its own: DDL ran twice as slowly on the one that had read the live catalog.
      try (Connection connection = Connections.open(target)) {
        return canonicalizeOn(connection, ddl, readScope);
      } catch (ScratchRefused e) {
        warnings.accept(
            e.reason()
                + target.display()
                + " ("
                + e.getMessage().split("\\R")[0]
                + "); canonicalizing the entity model on the embedded PostgreSQL instead");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    try (EmbeddedServer server = timer.time("embedded start", EmbeddedServer::start);
        Connection connection = Connections.open(server.url("postgres"))) {
      return canonicalizeOn(connection, ddl, readScope);
    } catch (ScratchRefused e) {
      throw new IllegalStateException("the embedded server refused a scratch schema", e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The canonical schema the statements create, read with the live scope's rules: each real schema
   * stands in a scratch schema whose name carries a random token, so it never meets a real one nor
   * another run's.
   */
  private Schema canonicalizeOn(Connection connection, EntityDdl ddl, CatalogScope readScope)
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
        List<String> path = new ArrayList<>(scratchNames);
        path.add("public");
        statement.execute(
            "SET LOCAL search_path TO "
                + path.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
        try {
          timer.timeChecked(
              "canonicalize/ddl",
              () -> {
                execute(connection, ddl.statementsIn(scratchNames), ddl.provenance());
                return null;
              });
        } catch (RetortException e) {
          if (e.getCause() instanceof SQLException sql
              && OUT_OF_SHARED_MEMORY.equals(sql.getSQLState())) {
            throw new ScratchRefused(
                "the entity model needs more locks in one transaction than"
                    + " max_locks_per_transaction grants in ",
                sql);
          }
          throw e;
        }
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
   * All statements in one round trip; only if that fails, one by one from a savepoint, to name the
   * statement PostgreSQL refused.
   */
  private static void execute(Connection connection, List<String> ddl, EntityProvenance provenance)
      throws SQLException {
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
          throw ddlFailed(sql, e, provenance);
        }
      }
    }
  }

  private static int position(String sql, String table) {
    int spaced = sql.indexOf(" " + table + " ");
    int call = sql.indexOf(" " + table + "(");
    return spaced < 0 ? call : call < 0 ? spaced : Math.min(spaced, call);
  }

  private static RetortException ddlFailed(
      String sql, SQLException e, EntityProvenance provenance) {
    String statement = sql.length() > 160 ? sql.substring(0, 157) + "..." : sql;
    // The statement's own table is named first ("alter table orders ... references users").
    String entity =
        provenance.tables().entrySet().stream()
            .filter(t -> position(sql, t.getKey().name()) >= 0)
            .min(Comparator.comparingInt(t -> position(sql, t.getKey().name())))
            .map(t -> " (from " + t.getValue() + ")")
            .orElse("");
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
