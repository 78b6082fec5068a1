package dev.retort.liquibase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.change.DbmsTargetedChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseList;
import liquibase.exception.LiquibaseException;
import liquibase.exception.RollbackFailedException;
import liquibase.executor.ExecutorService;

/**
 * One changeset to {@link Changeset}: its statements and its rollback as Liquibase itself produces
 * them for PostgreSQL in SQL-output mode ({@code update-sql}, {@code rollback-sql}), by the same
 * calls its update and rollback make, with a {@link StatementCapture} as the database's executor.
 */
final class ChangesetRenderer {

  /** The checksum versions a database written by Liquibase 4.x may hold in {@code MD5SUM}. */
  private static final List<ChecksumVersion> RECORDED_VERSIONS =
      List.of(ChecksumVersion.V9, ChecksumVersion.V8, ChecksumVersion.V7);

  private final Database database;

  ChangesetRenderer(Database database) {
    this.database = database;
  }

  Changeset render(ChangeSet changeSet) throws LiquibaseException {
    List<String> notImported = notImported(changeSet);
    List<String> openQuestions = new ArrayList<>();
    List<String> upgrade = upgrade(changeSet, openQuestions);
    List<String> downgrade = null;
    String whyIrreversible = null;
    if (!changeSet.supportsRollback(database)) {
      whyIrreversible =
          "Liquibase has no rollback for changeset "
              + changeSet.getId()
              + "::"
              + changeSet.getAuthor()
              + ": write the downgrade by hand";
    } else {
      try {
        downgrade = rollback(changeSet);
      } catch (RollbackFailedException | RuntimeException e) {
        whyIrreversible =
            "Liquibase cannot roll back changeset "
                + changeSet.getId()
                + "::"
                + changeSet.getAuthor()
                + " ("
                + LiquibaseChangelog.oneLine(e)
                + "): write the downgrade by hand";
      }
    }
    boolean concurrently = concurrently(upgrade) || (downgrade != null && concurrently(downgrade));
    String comments = changeSet.getComments();
    return new Changeset(
        changeSet.getId(),
        changeSet.getAuthor(),
        changeSet.getStoredFilePath(),
        comments == null || comments.isBlank()
            ? changeSet.getDescription()
            : comments.strip().replaceAll("\\s+", " "),
        changeSet.generateCheckSum(ChecksumVersion.latest()).toString(),
        acceptedChecksums(changeSet),
        changeSet.getValidCheckSums().stream()
            .map(CheckSum::toString)
            .anyMatch(c -> c.equalsIgnoreCase("1:any") || c.equals("1:all") || c.equals("1:*")),
        upgrade,
        List.copyOf(openQuestions),
        downgrade,
        whyIrreversible,
        changeSet.isRunInTransaction() && !concurrently,
        notImported);
  }

  /**
   * What Liquibase's update runs: each change's statements, its {@code modifySql} applied. A change
   * whose SQL Liquibase writes from the live database only ({@code update-sql} refuses its
   * statements, or has none offline) becomes a question in {@code openQuestions} instead.
   */
  private List<String> upgrade(ChangeSet changeSet, List<String> openQuestions)
      throws LiquibaseException {
    StatementCapture capture = new StatementCapture(database);
    ExecutorService executors = Scope.getCurrentScope().getSingleton(ExecutorService.class);
    executors.setExecutor("jdbc", database, capture);
    try {
      for (Change change : changeSet.getChanges()) {
        if (!runsHere(change)) {
          continue;
        }
        int before = capture.statements().size();
        boolean offline;
        try {
          database.executeStatements(change, changeSet.getChangeLog(), changeSet.getSqlVisitors());
          offline =
              !change.generateStatementsVolatile(database) || capture.statements().size() > before;
        } catch (LiquibaseException e) {
          if (!StatementCapture.needsLiveDatabase(e)) {
            throw e;
          }
          offline = false;
        }
        if (!offline) {
          capture.statements().subList(before, capture.statements().size()).clear();
          openQuestions.add(
              "Liquibase writes the SQL of '"
                  + change.getDescription()
                  + "' from the live database only: write its statements here");
        }
      }
    } finally {
      executors.clearExecutor("jdbc", database);
    }
    return List.copyOf(capture.statements());
  }

  /** What Liquibase's rollback runs: the explicit rollback, else each change's inverse. */
  private List<String> rollback(ChangeSet changeSet) throws RollbackFailedException {
    StatementCapture capture = new StatementCapture(database);
    ExecutorService executors = Scope.getCurrentScope().getSingleton(ExecutorService.class);
    executors.setExecutor("jdbc", database, capture);
    try {
      changeSet.rollback(database);
    } finally {
      executors.clearExecutor("jdbc", database);
    }
    return List.copyOf(capture.statements());
  }

  /**
   * A change meant for another database is skipped, as Liquibase skips it on PostgreSQL; {@code
   * tagDatabase} writes Liquibase's own history table, which a Retort database does not have.
   */
  private boolean runsHere(Change change) {
    if (change instanceof TagDatabaseChange) {
      return false;
    }
    return !(change instanceof DbmsTargetedChange)
        || DatabaseList.definitionMatches(((DbmsTargetedChange) change).getDbms(), database, true);
  }

  private static boolean concurrently(List<String> statements) {
    return statements.stream().anyMatch(s -> s.toUpperCase(Locale.ROOT).contains("CONCURRENTLY"));
  }

  private static Set<String> acceptedChecksums(ChangeSet changeSet) {
    Set<String> accepted = new LinkedHashSet<>();
    for (ChecksumVersion version : RECORDED_VERSIONS) {
      accepted.add(changeSet.generateCheckSum(version).toString());
    }
    changeSet.getValidCheckSums().forEach(c -> accepted.add(c.toString()));
    return accepted;
  }

  /**
   * What Liquibase would decide at run time and the import cannot: said, never dropped silently.
   */
  private static List<String> notImported(ChangeSet changeSet) {
    List<String> ignored = new ArrayList<>();
    if (LiquibaseChangelog.hasPreconditions(changeSet.getPreconditions())) {
      ignored.add("its preconditions");
    }
    if (changeSet.buildFullContext() != null) {
      ignored.add("context " + changeSet.buildFullContext());
    }
    if (changeSet.buildFullLabels() != null) {
      ignored.add("labels " + changeSet.buildFullLabels());
    }
    if (changeSet.isAlwaysRun()) {
      ignored.add("runAlways (imported to run once)");
    }
    if (changeSet.isRunOnChange()) {
      ignored.add("runOnChange (imported to run once)");
    }
    if (changeSet.getRunWith() != null && !changeSet.getRunWith().isBlank()) {
      ignored.add("runWith=" + changeSet.getRunWith() + " (run over JDBC)");
    }
    if (changeSet.getChanges().stream().anyMatch(TagDatabaseChange.class::isInstance)) {
      ignored.add("tagDatabase (Retort's revisions are the tags)");
    }
    return List.copyOf(ignored);
  }
}
