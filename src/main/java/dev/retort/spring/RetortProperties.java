package dev.retort.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} settings of a Spring Boot application. Migrations are compiled into the
 * application; by default they are found in its own packages (those of its
 * {@code @SpringBootApplication}).
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

  /** Whether Retort looks at the database at start-up at all. */
  private boolean enabled = true;

  /**
   * Apply pending migrations at start-up, before JPA starts. Off by default: production deploys
   * usually migrate in a step of their own; turn it on for development.
   */
  private boolean autoUpgrade = false;

  /** With auto-upgrade off: refuse to start while migrations are pending (else one warning). */
  private boolean failOnPending = false;

  /** The package holding the migrations (and its subpackages); default: the application's. */
  private String migrationsPackage;

  /** The schemas migrations work on; the first holds the version table. */
  private List<String> schemas = new ArrayList<>(List.of("public"));

  private String versionTable = "retort_version";

  /** How long to wait for another instance that is migrating the same database. */
  private Duration lockTimeout = Duration.ofSeconds(60);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isAutoUpgrade() {
    return autoUpgrade;
  }

  public void setAutoUpgrade(boolean autoUpgrade) {
    this.autoUpgrade = autoUpgrade;
  }

  public boolean isFailOnPending() {
    return failOnPending;
  }

  public void setFailOnPending(boolean failOnPending) {
    this.failOnPending = failOnPending;
  }

  public String getMigrationsPackage() {
    return migrationsPackage;
  }

  public void setMigrationsPackage(String migrationsPackage) {
    this.migrationsPackage = migrationsPackage;
  }

  public List<String> getSchemas() {
    return schemas;
  }

  public void setSchemas(List<String> schemas) {
    this.schemas = schemas;
  }

  public String getVersionTable() {
    return versionTable;
  }

  public void setVersionTable(String versionTable) {
    this.versionTable = versionTable;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }
}
