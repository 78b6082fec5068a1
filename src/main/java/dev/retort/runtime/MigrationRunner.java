package dev.retort.runtime;

import dev.retort.config.RunModes;
import dev.retort.connect.ConnectionSource;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.operation.DslOperations;
import dev.retort.postgres.IrreversibleOperationException;
import dev.retort.revision.Direction;
import dev.retort.revision.MigrationPath;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Applies and reverts migrations on a live database. Each migration runs in its own transaction
 * (unless it opts out) together with its version-table update, so the recorded heads always match
 * what was applied; a migration that opts out records each committed statement, and resumes after
 * them when run again. A session advisory lock, keyed by the version table's resolved identity,
 * keeps concurrent runners from applying anything twice: whoever waits re-reads the heads after the
 * lock is theirs. When a run stops, the error says which step, what of it was committed, and where
 * the database is.
 */
public final class MigrationRunner {

  private final RevisionGraph graph;
  private final RevisionNavigator navigator;
  private final VersionTable versionTable;
  private final List<String> schemas;
  private final Duration lockTimeout;
  private final boolean createSchemas;
  private final RunListener listener;
  private final StatementLimits limits;
  private final AppliedChecksums checksums;
  private final Unversioned unversioned;
  // Set only by the withers, on the copy they return.
  private StatementObserver observer = StatementObserver.NONE;
  private RunModes modes = RunModes.DEFAULTS;
  private ConnectionSource lockConnections;

  public MigrationRunner(
      RevisionGraph graph,
      String versionTable,
      List<String> schemas,
      Duration lockTimeout,
      RunListener listener) {
    this(graph, versionTable, schemas, lockTimeout, false, listener);
  }

  /**
   * @param createSchemas create configured schemas that do not exist, instead of refusing
   */
  public MigrationRunner(
      RevisionGraph graph,
      String versionTable,
      List<String> schemas,
      Duration lockTimeout,
      boolean createSchemas,
      RunListener listener) {
    this(graph, versionTable, schemas, lockTimeout, createSchemas, listener, StatementLimits.NONE);
  }

  private MigrationRunner(
      RevisionGraph graph,
      String versionTable,
      List<String> schemas,
      Duration lockTimeout,
      boolean createSchemas,
      RunListener listener,
      StatementLimits limits) {
    this.graph = graph;
    this.limits = limits;
    this.navigator = new RevisionNavigator(graph);
    this.versionTable = new VersionTable(versionTable);
    this.checksums = new AppliedChecksums(this.versionTable);
    this.unversioned = new Unversioned(this.versionTable, schemas);
    this.schemas = List.copyOf(schemas);
    this.lockTimeout = lockTimeout;
    this.createSchemas = createSchemas;
    this.listener = listener;
  }

  /** The same runner, with these limits on each migration statement. */
  public MigrationRunner limitedTo(StatementLimits value) {
    MigrationRunner limited =
        new MigrationRunner(
            graph, versionTable.name(), schemas, lockTimeout, createSchemas, listener, value);
    limited.observer = observer;
    limited.modes = modes;
    limited.lockConnections = lockConnections;
    return limited;
  }

  /**
   * The same runner in these modes; {@code lockConnections} gives a table lock its own connection
   * (the lock row is taken, beaten and released outside the migrations' transactions).
   */
  public MigrationRunner inModes(RunModes value, ConnectionSource lockConnections) {
    if (value.lock() == RunModes.LockMode.TABLE && lockConnections == null) {
      throw new IllegalArgumentException("a table lock needs a connection source of its own");
    }
    MigrationRunner moded = limitedTo(limits);
    moded.modes = value;
    moded.lockConnections = lockConnections;
    return moded;
  }

  /** The same runner, letting {@code value} see each statement it runs. */
  public MigrationRunner observedBy(StatementObserver value) {
    MigrationRunner observed = limitedTo(limits);
    observed.observer = value;
    return observed;
  }

  public RevisionNavigator navigator() {
    return navigator;
  }

  /** Prepares a session (see {@link Session}): settings pinned, schemas resolved, search path. */
  public Session prepare(Connection connection) throws SQLException {
    return Session.prepare(connection, schemas, versionTable.name(), createSchemas, listener);
  }

  /** The database's heads, as this graph names them (see {@link RevisionGraph#canonical}). */
  public List<String> currentHeads(Connection connection) throws SQLException {
    return graph.canonical(versionTable.heads(connection));
  }

  public List<VersionTable.Entry> history(Connection connection) throws SQLException {
    return versionTable.history(connection);
  }

  /**
   * The tables of the configured schemas when the database has no version table (0 when it has
   * one): a database built another way, to be adopted with {@code stamp}.
   */
  public int unversionedTables(Connection connection) throws SQLException {
    return unversioned.tables(connection);
  }

  /** Migrations that stopped partway (not transactional), with what of them committed. */
  public List<VersionTable.Partial> partials(Connection connection) throws SQLException {
    return versionTable.partials(connection);
  }

  /** The migrations {@code upgrade target} would run, without running them. */
  public MigrationPath pending(Connection connection, String target) throws SQLException {
    return navigator.upgrade(currentHeads(connection), target);
  }

  public MigrationPath upgrade(Connection connection, String target) throws SQLException {
    return run(connection, Direction.UPGRADE, target);
  }

  public MigrationPath downgrade(Connection connection, String target) throws SQLException {
    return run(connection, Direction.DOWNGRADE, target);
  }

  private MigrationPath run(Connection connection, Direction direction, String target)
      throws SQLException {
    Session session = prepare(connection);
    try (MigrationLock lock = lock(connection, session)) {
      List<String> heads = currentHeads(connection);
      MigrationPath path =
          direction == Direction.UPGRADE
              ? navigator.upgrade(heads, target)
              : navigator.downgrade(heads, target);
      checkApplied(connection, heads);
      if (path.isEmpty()) {
        return path;
      }
      unversioned.refuseRebuilding(connection, path);
      listener.pathPlanned(path);
      VersionTable.Existing before = versionTable.existing(connection);
      Transactions.run(connection, () -> versionTable.create(connection));
      List<List<String>> headsAfter = path.headsAfterEachStep();
      StatementLimits.Saved saved = limits.apply(connection);
      try {
        runSteps(connection, lock, direction, path, headsAfter, before);
      } finally {
        StatementLimits.restore(connection, saved);
      }
      return path;
    }
  }

  private void runSteps(
      Connection connection,
      MigrationLock lock,
      Direction direction,
      MigrationPath path,
      List<List<String>> headsAfter,
      VersionTable.Existing before)
      throws SQLException {
    {
      for (int i = 0; i < path.steps().size(); i++) {
        lock.ensureHeld();
        RunPosition position =
            new RunPosition(path, i, i == 0 ? path.startHeads() : headsAfter.get(i - 1));
        StepOutcome outcome =
            runStep(connection, path.steps().get(i), direction, headsAfter.get(i), position);
        if (outcome.failure() != null) {
          if (i == 0 && outcome.committedStatements() == 0) {
            // Nothing was applied, so the database goes back to exactly how it was found.
            Transactions.quietly(
                connection, () -> versionTable.dropCreatedSince(connection, before));
          }
          throw outcome.failure();
        }
      }
    }
  }

  /** The migration lock of {@code lock.mode}, keyed by the version table's resolved identity. */
  private MigrationLock lock(Connection connection, Session session) throws SQLException {
    if (modes.lock() == RunModes.LockMode.TABLE) {
      return TableLock.acquire(
          lockConnections,
          schemas.get(0),
          versionTable.lockName(),
          session.lockIdentity(),
          lockTimeout,
          listener);
    }
    return AdvisoryLock.acquire(connection, session.lockIdentity(), lockTimeout, listener);
  }

  /**
   * Runs a step, again after a pause when one of its statements gave up waiting for a lock: a
   * transactional step was rolled back, a non-transactional one resumes after what it committed.
   */
  private StepOutcome runStep(
      Connection connection,
      MigrationScript script,
      Direction direction,
      List<String> headsAfter,
      RunPosition position)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      StepOutcome outcome =
          new StepRunner(
                  connection,
                  versionTable,
                  listener,
                  observer,
                  modes.transactions() == RunModes.TransactionMode.PER_STATEMENT)
              .run(script, direction, headsAfter, position);
      if (outcome.failure() == null
          || attempt > limits.lockRetries()
          || !StatementLimits.isLockTimeout(outcome.failure())) {
        return outcome;
      }
      Duration pause = limits.backoff(attempt);
      listener.warning(
          direction.word()
              + " of "
              + script.id()
              + ": a statement waited longer than lock_timeout ("
              + limits.lockTimeout().toMillis()
              + " ms) for a lock another session holds; trying again in "
              + pause.toMillis()
              + " ms (retry "
              + attempt
              + " of "
              + limits.lockRetries()
              + ")");
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome;
      }
    }
  }

  /**
   * No applied migration may have changed since it was applied. An earlier Retort's history table
   * gains its checksum columns here, once, and the migrations it applied have their checksums
   * recorded as they are now.
   */
  private void checkApplied(Connection connection, List<String> heads) throws SQLException {
    if (!versionTable.exists(connection)) {
      return;
    }
    if (checksums.lacksColumns(connection)) {
      Transactions.run(connection, () -> versionTable.upgrade(connection));
      listener.warning(
          "upgraded "
              + versionTable.historyName()
              + " (written by an earlier Retort) in place: it now records each migration's"
              + " checksum");
    }
    Transactions.run(connection, () -> checksums.verify(connection, graph, heads, true, listener));
  }

  /**
   * {@code check}: fails when an applied migration changed since it was applied; writes nothing, so
   * a read-only role can run it.
   */
  public void verifyChecksums(Connection connection) throws SQLException {
    List<String> heads = currentHeads(connection);
    navigator.requireKnown(heads);
    checksums.verify(connection, graph, heads, false, listener);
  }

  /**
   * {@code repair [REV]}: accepts the current form of an applied migration (or of every applied
   * migration that changed) as what was applied, after a person reviewed the edit.
   *
   * @return the revisions whose checksum was recorded anew
   */
  public List<String> repair(Connection connection, String revision) throws SQLException {
    Session session = prepare(connection);
    try (MigrationLock lock = lock(connection, session)) {
      List<String> heads = currentHeads(connection);
      navigator.requireKnown(heads);
      Transactions.run(connection, () -> versionTable.upgrade(connection));
      return checksums.repair(connection, graph, heads, revision);
    }
  }

  /** Records {@code target} as the current state without running anything. */
  public List<String> stamp(Connection connection, String target, boolean purge)
      throws SQLException {
    Session session = prepare(connection);
    try (MigrationLock lock = lock(connection, session)) {
      if (!purge) {
        navigator.requireKnown(currentHeads(connection));
      }
      List<String> heads = navigator.stampHeads(target);
      Transactions.run(
          connection,
          () -> {
            versionTable.create(connection);
            versionTable.write(
                connection,
                heads,
                heads.isEmpty() ? "base" : String.join(",", heads),
                "stamp",
                purge ? "stamp --purge" : "stamp",
                null);
          });
      return heads;
    }
  }

  /**
   * Where a run is: the step about to run (from 0) of the path, and the heads the database is at
   * before it (what the earlier steps committed).
   */
  record RunPosition(MigrationPath path, int step, List<String> headsBefore) {

    String describe() {
      return "step " + (step + 1) + " of " + path.steps().size();
    }

    /** What the earlier steps did, for the failure message. */
    String earlierSteps() {
      if (step == 0) {
        return "no earlier step ran";
      }
      return (step == 1 ? "the step before it" : "the " + step + " steps before it")
          + " stay applied";
    }

    String databaseAt() {
      return headsBefore.isEmpty() ? "base" : String.join(", ", headsBefore);
    }
  }

  /** How a step ended: null failure when it finished. */
  record StepOutcome(RetortException failure, int committedStatements) {}

  static Migration instantiate(MigrationScript script) {
    try {
      return script.newMigration();
    } catch (RuntimeException | LinkageError e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "cannot create migration " + script.id() + " (" + script.source() + "): " + e,
          "a migration needs a public no-argument constructor",
          e);
    }
  }

  static void runMigration(Migration migration, Direction direction, DslOperations operations) {
    if (direction == Direction.UPGRADE) {
      migration.upgrade(operations);
    } else {
      migration.downgrade(operations);
    }
  }

  static boolean isIrreversible(Throwable e) {
    return e instanceof IrreversibleOperationException;
  }
}
