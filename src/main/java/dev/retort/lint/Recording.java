package dev.retort.lint;

import dev.retort.migration.Migration;
import dev.retort.operation.DryRun;

/**
 * What a migration's {@code upgrade} issued, each operation with the source line that issued it,
 * and whether it runs in one transaction.
 */
record Recording(boolean transactional, DryRun run) {

  static Recording of(Migration migration) {
    return new Recording(migration.transactional(), DryRun.upgrade(migration));
  }
}
