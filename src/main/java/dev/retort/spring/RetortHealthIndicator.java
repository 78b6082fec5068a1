package dev.retort.spring;

import dev.retort.Retort;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health/retort}: UP when no migration stopped partway and no applied migration
 * was edited, with the database's revision, the head and the pending migrations as details; DOWN
 * otherwise, saying which. Pending migrations alone are not DOWN: a deploy may apply them next; nor
 * is a database ahead of this application ({@code ahead}: a newer version migrated it).
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {

  private final RetortMigrations migrations;

  public RetortHealthIndicator(RetortMigrations migrations) {
    super("Retort could not read the database's migration state");
    this.migrations = migrations;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Retort.Status status = migrations.status();
    builder
        .withDetail("current", status.current())
        .withDetail("head", status.heads())
        .withDetail("pending", status.pending().size())
        .withDetail("pendingRevisions", status.pending());
    if (!status.unknown().isEmpty()) {
      builder.withDetail("ahead", status.unknown());
    }
    if (!status.partial().isEmpty()) {
      builder.down().withDetail("failed", status.partial());
    } else if (status.edited() != null) {
      builder.down().withDetail("edited", status.edited());
    } else {
      builder.up();
    }
  }
}
