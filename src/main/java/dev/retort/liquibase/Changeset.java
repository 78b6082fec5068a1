package dev.retort.liquibase;

import java.util.List;
import java.util.Set;

/**
 * One changeset of a Liquibase changelog as Liquibase renders it for PostgreSQL.
 *
 * @param filePath the path Liquibase records in {@code DATABASECHANGELOG.FILENAME} (its logical
 *     file path when the changelog sets one)
 * @param checksum Liquibase's current checksum of the changeset ({@code 9:...})
 * @param acceptedChecksums every checksum Liquibase would accept in {@code MD5SUM}: the changeset's
 *     own under each checksum version a database may hold, and its {@code validCheckSum}s
 * @param anyChecksum a {@code validCheckSum} of {@code any}: Liquibase accepts whatever is recorded
 * @param upgrade the statements, in order
 * @param openQuestions changes Liquibase cannot write as SQL without the live database, for the
 *     migration to ask about ({@code op.decide}) instead of leaving them out silently
 * @param downgrade the statements that undo them, or null when Liquibase cannot roll it back
 * @param transactional false for {@code runInTransaction="false"} and {@code CONCURRENTLY}
 * @param notImported what the import leaves out of this changeset (preconditions, contexts, labels,
 *     runAlways, ...), each named for one warning line
 */
public record Changeset(
    String id,
    String author,
    String filePath,
    String description,
    String checksum,
    Set<String> acceptedChecksums,
    boolean anyChecksum,
    List<String> upgrade,
    List<String> openQuestions,
    List<String> downgrade,
    String whyIrreversible,
    boolean transactional,
    List<String> notImported) {

  /** Its identity as the import records it: {@code id::author::file}. */
  public String identity() {
    return id + "::" + author + "::" + filePath;
  }

  /** Whether Liquibase would accept {@code recorded} (an {@code MD5SUM}, null after clear). */
  public boolean accepts(String recorded) {
    return recorded == null
        || recorded.isBlank()
        || anyChecksum
        || acceptedChecksums.contains(recorded);
  }
}
