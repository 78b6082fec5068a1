package dev.retort.runtime;

import dev.retort.connect.SessionSettings;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.postgres.SqlGenerator;
import dev.retort.postgres.UnresolvedDecisionException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import java.sql.Connection;
import java.util.List;

/**
 * Renders a migration path as an SQL script, without a database ({@code upgrade --sql}): the same
 * statements the runner would execute, with the version-table updates and a transaction per
 * migration, so a DBA can review or run it.
 */
public final class OfflineSqlWriter {

  private final VersionTable versionTable;
  private final SqlGenerator generator = new SqlGenerator();

  public OfflineSqlWriter(String versionTable) {
    this.versionTable = new VersionTable(versionTable);
  }

  public String write(MigrationPath path) {
    StringBuilder out = new StringBuilder();
    Direction direction = path.direction();
    List<List<String>> headsAfter = path.headsAfterEachStep();
    out.append("-- Retort ")
        .append(direction.word())
        .append(": ")
        .append(describe(path.startHeads()))
        .append(" -> ")
        .append(
            describe(path.isEmpty() ? path.startHeads() : headsAfter.get(headsAfter.size() - 1)))
        .append("\n\n");
    if (path.isEmpty()) {
      out.append("-- Nothing to do.\n");
      return out.toString();
    }
    // The SQL below is written for these settings, whatever the server's defaults are.
    SessionSettings.PINNED.forEach(sql -> statement(out, sql));
    if (direction == Direction.UPGRADE && path.startHeads().isEmpty()) {
      out.append("BEGIN;\n\n");
      versionTable.createStatements().forEach(sql -> statement(out, sql));
      out.append("COMMIT;\n\n");
    }
    if (direction == Direction.UPGRADE) {
      // An earlier Retort's history table gains the checksum columns the script writes.
      versionTable.upgradeStatements().forEach(sql -> statement(out, sql));
    }
    for (int i = 0; i < path.steps().size(); i++) {
      MigrationScript script = path.steps().get(i);
      Migration migration = script.newMigration();
      boolean transactional = migration.transactional();
      out.append("-- ")
          .append(direction == Direction.UPGRADE ? "Running upgrade " : "Running downgrade ")
          .append(script.id())
          .append(": ")
          .append(oneLine(script.message()))
          .append('\n');
      if (!transactional) {
        out.append("-- (not transactional: each statement commits on its own)\n");
      }
      out.append('\n');
      if (transactional) {
        out.append("BEGIN;\n\n");
      }
      DslOperations operations = new DslOperations(new ScriptSink(out, script, transactional));
      try {
        if (direction == Direction.UPGRADE) {
          migration.upgrade(operations);
        } else {
          migration.downgrade(operations);
        }
      } catch (UnresolvedDecisionException e) {
        throw new RetortException(
            ExitCode.MIGRATION_FAILED,
            direction.word()
                + " of "
                + script.id()
                + " ("
                + script.source()
                + ") leaves a decision open: "
                + e.getMessage(),
            "decide: replace op.decide(...) with the steps it asks for");
      } catch (IrreversibleOperationException e) {
        throw new RetortException(
            ExitCode.MIGRATION_FAILED,
            direction.word()
                + " of "
                + script.id()
                + " ("
                + script.source()
                + ") cannot be rendered: "
                + e.getMessage(),
            "write the " + direction.word() + " steps by hand");
      }
      if (!transactional) {
        out.append("BEGIN;\n\n");
      }
      versionTable.setHeadsStatements(headsAfter.get(i)).forEach(sql -> statement(out, sql));
      statement(
          out,
          versionTable.historyStatement(script.id(), direction.word(), script.message(), null));
      if (direction == Direction.UPGRADE) {
        statement(
            out,
            new AppliedChecksums(versionTable)
                .recordStatement(
                    script.id(), direction.word(), Fingerprint.of(script.newMigration())));
      }
      out.append("COMMIT;\n\n");
    }
    return out.toString();
  }

  /**
   * The runner's batch loop as one statement a DBA can run: outside a transaction block each batch
   * commits on its own (a DO block may COMMIT there, PostgreSQL 11+).
   */
  static String backfillLoop(BackfillColumn backfill, boolean transactional) {
    return "DO $retort$\nDECLARE\n  updated bigint;\nBEGIN\n  LOOP\n    "
        + SqlGenerator.backfillBatch(backfill)
        + ";\n    GET DIAGNOSTICS updated = ROW_COUNT;\n    EXIT WHEN updated = 0;\n"
        + (transactional ? "" : "    COMMIT;\n")
        + "  END LOOP;\nEND\n$retort$";
  }

  private static String describe(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(", ", heads);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static void statement(StringBuilder out, String sql) {
    out.append(sql).append(";\n\n");
  }

  /** Appends each operation's SQL; a data migration's connection is refused with the reason. */
  private final class ScriptSink implements OperationSink {
    private final StringBuilder out;
    private final MigrationScript script;
    private final boolean transactional;

    ScriptSink(StringBuilder out, MigrationScript script, boolean transactional) {
      this.out = out;
      this.script = script;
      this.transactional = transactional;
    }

    @Override
    public void accept(Operation operation) {
      if (operation instanceof BackfillColumn backfill) {
        statement(out, backfillLoop(backfill, transactional));
        return;
      }
      generator.statements(operation).forEach(sql -> statement(out, sql));
    }

    @Override
    public Connection connection() {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "migration "
              + script.id()
              + " ("
              + script.source()
              + ") uses op.connection(), which has no"
              + " database to talk to in --sql mode",
          "run this range online, or express the data change with op.execute(...) or op.bulkInsert(...)");
    }
  }
}
