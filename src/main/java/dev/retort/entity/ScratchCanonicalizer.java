package dev.retort.entity;

import dev.retort.ExitCode;
import dev.retort.RetortException;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs entity DDL inside scratch schemas, in a transaction that is always rolled back, and reads
 * the result with the same catalog reader as the live database. PostgreSQL thereby normalizes
 * types, defaults, checks and index expressions for both sides alike. Nothing survives: not the
 * schemas, not the types, not the locks (all belong to the rolled-back transaction).
 */
final class ScratchCanonicalizer {

  static final String INSUFFICIENT_PRIVILEGE = "42501";

  private ScratchCanonicalizer() {}

  /** Thrown when the user may not create schemas in the database; the caller falls back. */
  static final class NoPrivilege extends Exception {
    private static final long serialVersionUID = 1L;

    NoPrivilege(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The canonical schema the statements create, read with the live scope's rules. */
  static Schema canonicalize(
      Connection connection,
      List<String> ddl,
      ScratchSchemas scratch,
      CatalogScope liveScope,
      EntityProvenance provenance,
      PhaseTimer timer)
      throws NoPrivilege {
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL lock_timeout = '10s'");
        List<String> scratchNames = scratch.scratchNames();
        for (String name : scratchNames) {
          try {
            statement.execute("CREATE SCHEMA " + Identifiers.quote(name));
          } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
              throw new NoPrivilege(e);
            }
            throw e;
          }
        }
        List<String> path = new ArrayList<>(scratchNames);
        path.add("public");
        statement.execute(
            "SET LOCAL search_path TO "
                + path.stream().map(Identifiers::quote).collect(Collectors.joining(", ")));
        timer.timeChecked(
            "canonicalize/ddl",
            () -> {
              execute(connection, ddl, provenance);
              return null;
            });
        int configured = liveScope.databaseSchemas().size();
        CatalogReader reader =
            new CatalogReader(liveScope.onScratch(scratchNames.subList(0, configured)));
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
            .min(java.util.Comparator.comparingInt(t -> position(sql, t.getKey().name())))
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

  /**
   * Keeps the enum types the entities' columns use, and adds those a column names through {@code
   * columnDefinition} without Hibernate creating them: their values are the Java enum's.
   */
  static Schema withJavaEnumTypes(Schema schema, EntityProvenance provenance) {
    Set<QualifiedName> used = new java.util.TreeSet<>();
    for (Table table : schema.tables()) {
      for (Column column : table.columns()) {
        if (column.type().isUserDefined()) {
          used.add(column.type().userDefined());
        }
      }
    }
    List<EnumType> types = new ArrayList<>();
    Set<QualifiedName> present = new HashSet<>();
    for (EnumType type : schema.enumTypes()) {
      if (used.contains(type.name())) {
        types.add(type);
        present.add(type.name());
      }
    }
    for (QualifiedName name : used) {
      if (!present.contains(name)) {
        provenance
            .enumType(name)
            .ifPresent(mapping -> types.add(new EnumType(name, mapping.constants())));
      }
    }
    return new Schema(schema.tables(), schema.sequences(), types, schema.views());
  }
}
