package dev.retort.lint;

/**
 * What the rules need to know beyond the migration itself.
 *
 * @param targetMajor the PostgreSQL major version the migrations will run on ({@code
 *     lint.target-version}, else the connected or embedded server's)
 * @param runnerSetsLockTimeout whether the runner sets {@code lock_timeout} for every migration;
 *     when it does, a migration need not set one itself
 */
public record LintSettings(int targetMajor, boolean runnerSetsLockTimeout) {}
