package dev.retort.runtime;

import java.sql.SQLException;

/**
 * What keeps two runners on one version table apart for the length of a run: an advisory lock, or a
 * row in a lock table ({@code lock.mode}).
 */
interface MigrationLock extends AutoCloseable {

  /**
   * Refuses to go on when the lock is no longer this runner's: a lock row whose heartbeat stalled
   * past its expiry may have been taken over by another runner. Called before each step.
   */
  void ensureHeld();

  @Override
  void close() throws SQLException;
}
