package dev.retort.spring;

import dev.retort.Retort;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code /actuator/info}: the database's revision, the head and how many migrations are pending.
 */
public class RetortInfoContributor implements InfoContributor {

  private final RetortMigrations migrations;

  public RetortInfoContributor(RetortMigrations migrations) {
    this.migrations = migrations;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Retort.Status status = migrations.status();
    builder.withDetail(
        "retort",
        Map.of(
            "current", status.current(),
            "head", status.heads(),
            "pending", status.pending().size()));
  }
}
