package dev.retort.runtime;

import dev.retort.digest.Digests;
import dev.retort.migration.Migration;
import dev.retort.operation.DryRun;
import dev.retort.operation.Operation;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.postgres.SqlGenerator;
import dev.retort.postgres.UnresolvedDecisionException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a migration's upgrade does, as a checksum of the statements it plans (and a digest of each,
 * to say which one changed): the same across reformatting, comments, renamed locals and anything
 * else that leaves the SQL as it was. A data migration is fingerprinted up to its first use of the
 * connection, which has no SQL to read without running it.
 */
public record Fingerprint(String checksum, List<String> statementHashes, List<String> statements) {

  public Fingerprint {
    statementHashes = List.copyOf(statementHashes);
    statements = List.copyOf(statements);
  }

  public static Fingerprint of(Migration migration) {
    return of(DryRun.upgrade(migration));
  }

  /** The fingerprint of an upgrade's dry run. */
  public static Fingerprint of(DryRun upgrade) {
    List<String> statements = new ArrayList<>();
    SqlGenerator generator = new SqlGenerator();
    for (Operation operation : upgrade.operationList()) {
      try {
        statements.addAll(generator.statements(operation));
      } catch (IrreversibleOperationException e) {
        statements.add("-- irreversible: " + e.getMessage());
      } catch (UnresolvedDecisionException e) {
        statements.add("-- decision: " + e.getMessage());
      }
    }
    if (upgrade.usedConnection()) {
      // What follows depends on the database.
      statements.add("-- uses the connection");
    }
    List<String> hashes = statements.stream().map(s -> Digests.of(Stream.of(s))).toList();
    return new Fingerprint(Digests.of(hashes.stream()), hashes, statements);
  }

  /** How {@code recorded} differs from this one, in words; null when they are the same. */
  public String differenceFrom(String recordedChecksum, List<String> recordedHashes) {
    if (checksum.equals(recordedChecksum)) {
      return null;
    }
    if (recordedHashes == null) {
      return "its statements changed";
    }
    int n = Math.min(recordedHashes.size(), statementHashes.size());
    for (int i = 0; i < n; i++) {
      if (!recordedHashes.get(i).equals(statementHashes.get(i))) {
        return "statement " + (i + 1) + " differs (now: " + abbreviate(statements.get(i)) + ")";
      }
    }
    return recordedHashes.size() < statementHashes.size()
        ? "it has "
            + (statementHashes.size() - recordedHashes.size())
            + " statement(s) more (now ending: "
            + abbreviate(statements.get(n))
            + ")"
        : "it has " + (recordedHashes.size() - statementHashes.size()) + " statement(s) fewer";
  }

  private static String abbreviate(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
