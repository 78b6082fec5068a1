package dev.retort.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Which tenant autogenerate and check compare the entities with, for each way to name a fleet. */
@ExtendWith(PostgresExtension.class)
class TenantDirectoryTest {

  @TempDir Path dir;

  private RetortConfig config(TestDatabase db, String properties) throws Exception {
    Files.writeString(dir.resolve("retort.properties"), properties);
    Map<String, String> overrides = new HashMap<>();
    if (db != null) {
      overrides.put("url", db.url().jdbcUrl());
      overrides.put("user", db.url().user());
    }
    return new ConfigLoader(dir, Map.of()).load(null, overrides);
  }

  @Test
  void schemaTenantsTakeTheFirstOrANamedSchemaEvenOutsideThePattern(TestDatabase db)
      throws Exception {
    db.execute("CREATE SCHEMA tenant_b", "CREATE SCHEMA tenant_a", "CREATE SCHEMA template");
    TenantDirectory.Template first =
        new TenantDirectory(config(db, "tenants.schemas=tenant_*\n")).template();
    assertEquals("tenant_a", first.tenant().name());
    assertEquals(List.of("tenant_a"), first.tenant().schemas());
    assertEquals(
        "the template tenant tenant_a (the fleet's first tenant; tenants.template chooses)",
        first.describe());

    TenantDirectory.Template named =
        new TenantDirectory(config(db, "tenants.schemas=tenant_*\ntenants.template=template\n"))
            .template();
    assertEquals(List.of("template"), named.tenant().schemas());
    assertEquals(db.url().jdbcUrl(), named.tenant().url().jdbcUrl());
    assertEquals("the template tenant template (tenants.template)", named.describe());
  }

  @Test
  void databaseTenantsAreNamedByDatabaseOrUrl(TestDatabase db) throws Exception {
    TestDatabase other = TestServer.get().createDatabase();
    Files.write(dir.resolve("tenants.txt"), List.of(db.url().jdbcUrl(), other.url().jdbcUrl()));
    TenantDirectory.Template byName =
        new TenantDirectory(
                config(db, "tenants.file=tenants.txt\ntenants.template=" + other.name() + "\n"))
            .template();
    assertEquals(other.url().jdbcUrl(), byName.tenant().url().jdbcUrl());
    assertEquals(db.url().user(), byName.tenant().url().user(), "the configured user");

    TenantDirectory.Template byUrl =
        new TenantDirectory(
                config(
                    db,
                    "tenants.file=tenants.txt\ntenants.template=" + other.url().jdbcUrl() + "\n"))
            .template();
    assertEquals(other.url().display(), byUrl.tenant().name());

    RetortException unknown =
        assertThrows(
            RetortException.class,
            () ->
                new TenantDirectory(config(db, "tenants.file=tenants.txt\ntenants.template=nope\n"))
                    .template());
    assertEquals(ExitCode.INVALID_INPUT, unknown.exitCode());
    assertTrue(
        unknown.getMessage().contains("'nope' is neither a database URL"), unknown.getMessage());

    assertEquals(
        db.url().jdbcUrl(),
        new TenantDirectory(config(null, "tenants.file=tenants.txt\n"))
            .template()
            .tenant()
            .url()
            .jdbcUrl(),
        "a file lists its tenants without a configured database");
  }

  @Test
  void withoutADatabaseASchemaFleetHasNoTemplateAndNoFleetNone() throws Exception {
    assertNull(new TenantDirectory(config(null, "tenants.schemas=tenant_*\n")).template());
    assertNull(new TenantDirectory(config(null, "")).template());
  }
}
