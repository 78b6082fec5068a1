package dev.retort.runtime;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.postgres.Literals;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checksum of each applied migration, kept in the history table, and the check that no applied
 * migration was edited since: an edited migration means databases that applied it differ from
 * databases that will, which nobody sees until it matters. A person who reviewed the edit accepts
 * it with {@code retort repair}.
 */
final class AppliedChecksums {

  /** The fingerprint recorded for a revision: the latest upgrade, repair or first record. */
  record Recorded(String checksum, List<String> hashes, OffsetDateTime at, String how) {}

  private final String history;

  AppliedChecksums(VersionTable versionTable) {
    this.history = versionTable.historyName();
  }

  /** Whether the history table exists without the checksum columns (an earlier Retort's). */
  boolean lacksColumns(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT to_regclass(?) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attname = 'checksum' AND NOT attisdropped)")) {
      statement.setString(1, quote(history));
      statement.setString(2, quote(history));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The statement that records {@code fingerprint} on the newest history row of the revision. */
  String recordStatement(String revision, String direction, Fingerprint fingerprint) {
    return "UPDATE "
        + quote(history)
        + " SET checksum = "
        + Literals.string(fingerprint.checksum())
        + ", statement_hashes = ARRAY["
        + fingerprint.statementHashes().stream()
            .map(Literals::string)
            .collect(Collectors.joining(", "))
        + "]::text[] WHERE id = (SELECT max(id) FROM "
        + quote(history)
        + " WHERE version_num = "
        + Literals.string(revision)
        + " AND direction = "
        + Literals.string(direction)
        + ")";
  }

  void record(Connection connection, String revision, String direction, Fingerprint fingerprint)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(recordStatement(revision, direction, fingerprint));
    }
  }

  /** A history row of its own that records a fingerprint ({@code repair}, {@code checksum}). */
  void insert(Connection connection, String revision, String how, Fingerprint fingerprint)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO "
                + quote(history)
                + " (version_num, direction, message, checksum, statement_hashes)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      statement.setString(1, revision);
      statement.setString(2, how);
      statement.setString(
          3, how.equals("repair") ? "checksum accepted by retort repair" : "checksum recorded");
      statement.setString(4, fingerprint.checksum());
      Array hashes = connection.createArrayOf("text", fingerprint.statementHashes().toArray());
      statement.setArray(5, hashes);
      statement.execute();
    }
  }

  /** The latest recorded fingerprint of each revision; empty before any was recorded. */
  Map<String, Recorded> recorded(Connection connection) throws SQLException {
    Map<String, Recorded> recorded = new HashMap<>();
    if (lacksColumns(connection)) {
      return recorded;
    }
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NULL")) {
      exists.setString(1, quote(history));
      try (ResultSet rs = exists.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return recorded;
        }
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT DISTINCT ON (version_num) version_num, checksum, statement_hashes,"
                    + " applied_at, direction FROM "
                    + quote(history)
                    + " WHERE checksum IS NOT NULL ORDER BY version_num, id DESC")) {
      while (rs.next()) {
        Array hashes = rs.getArray(3);
        recorded.put(
            rs.getString(1),
            new Recorded(
                rs.getString(2),
                hashes == null ? null : List.of((String[]) hashes.getArray()),
                rs.getObject(4, OffsetDateTime.class),
                rs.getString(5)));
      }
    }
    return recorded;
  }

  /**
   * Fails when a migration the database applied (an ancestor of {@code heads}) no longer plans the
   * statements it planned then. Revisions applied before checksums were recorded have none: with
   * {@code recordMissing} their current fingerprint is recorded now (trusted on first use).
   */
  void verify(
      Connection connection,
      RevisionGraph graph,
      List<String> heads,
      boolean recordMissing,
      RunListener listener)
      throws SQLException {
    Map<String, Recorded> recorded = recorded(connection);
    int firstRecorded = 0;
    for (String revision : graph.inGraphOrder(graph.appliedBy(heads))) {
      MigrationScript script = graph.get(revision);
      Recorded then = recorded.get(revision);
      if (then == null && script.isSquash()) {
        // The database ran the revisions the squash replaced, not the squash: nothing to compare.
        continue;
      }
      Fingerprint now = Fingerprint.of(MigrationRunner.instantiate(script));
      if (then == null) {
        if (recordMissing) {
          insert(connection, revision, "checksum", now);
          firstRecorded++;
        }
        continue;
      }
      String difference = now.differenceFrom(then.checksum(), then.hashes());
      if (difference != null) {
        throw new RetortException(
            ExitCode.CHECKSUM_MISMATCH,
            "migration "
                + revision
                + " ("
                + script.source()
                + ") has changed since it was applied"
                + (then.at() == null ? "" : " on " + then.at().toLocalDate())
                + ": "
                + difference,
            "put the migration back as it was (write a new migration for the change), or, having"
                + " reviewed the edit, accept it with 'retort repair "
                + revision
                + "'");
      }
    }
    if (firstRecorded > 0) {
      listener.warning(
          "recorded the checksums of "
              + firstRecorded
              + " migration(s) applied before Retort kept checksums; from now on an edit to them"
              + " stops upgrade and check");
    }
  }

  /**
   * Records the current fingerprint of {@code revision} (or of every applied migration that
   * changed) as applied: {@code retort repair}, after a person reviewed the edit.
   *
   * @return the revisions recorded anew
   */
  List<String> repair(
      Connection connection, RevisionGraph graph, List<String> heads, String revision)
      throws SQLException {
    Set<String> applied = graph.appliedBy(heads);
    List<String> candidates;
    if (revision != null) {
      String id = graph.resolve(revision);
      if (id == null || !applied.contains(id)) {
        throw RetortException.revisionGraph(
            "revision " + revision + " is not applied to this database",
            "repair only records the checksum of an applied migration; see 'retort history'");
      }
      candidates = List.of(id);
    } else {
      candidates = graph.inGraphOrder(applied);
    }
    Map<String, Recorded> recorded = recorded(connection);
    List<String> repaired = new ArrayList<>();
    Transactions.run(
        connection,
        () -> {
          for (String id : candidates) {
            Fingerprint now = Fingerprint.of(MigrationRunner.instantiate(graph.get(id)));
            Recorded then = recorded.get(id);
            if (then == null || !then.checksum().equals(now.checksum())) {
              insert(connection, id, "repair", now);
              repaired.add(id);
            }
          }
        });
    return repaired;
  }
}
