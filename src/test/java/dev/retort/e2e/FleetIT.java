package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tenants} through the launcher: a fleet of schemas and one of databases upgraded in
 * parallel; a tenant that fails (continue-on-error, stop, canary; exit codes; the JSON report); a
 * resumed run that touches only what is left; two fleet runs at once that apply nothing twice.
 */
class FleetIT {

  @TempDir Path project;

  /** Three migrations; the second refuses a tenant that has a table named {@code blocker}. */
  @BeforeEach
  void history() throws Exception {
    MigrationSourceFiles files =
        new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1",
        "r1",
        "op.createTable(\"a\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"a\");");
    files.write(
        "M2",
        "r2",
        "op.execute(\"DO $$ BEGIN IF to_regclass('blocker') IS NOT NULL THEN"
            + " RAISE EXCEPTION 'this tenant is blocked'; END IF; END $$\");"
            + " op.addColumn(\"a\", column(\"note\", text()));",
        "op.dropColumn(\"a\", \"note\");",
        "r1");
    files.write(
        "M3",
        "r3",
        "op.createIndex(\"a\", index(\"a_note\", \"note\"));",
        "op.dropIndex(\"a_note\");",
        "r2");
  }

  private void properties(String tenants) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n" + tenants + "\n");
  }

  private static void schemas(TestDatabase db, String prefix, int count) {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add("CREATE SCHEMA " + prefix + String.format("%02d", i));
    }
    db.execute(statements.toArray(String[]::new));
  }

  private static String version(TestDatabase db, String schema) {
    List<String> heads = db.query("SELECT version_num FROM " + schema + ".retort_version");
    return heads.isEmpty() ? "base" : String.join(",", heads);
  }

  private static int count(String json, String status) {
    Matcher m = Pattern.compile("\"status\": \"" + status + "\"").matcher(json);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String record(String json, String tenant) {
    Matcher m = Pattern.compile("\\{\"tenant\": \"" + tenant + "\"[^\\n]*\\}").matcher(json);
    assertTrue(m.find(), tenant + " in " + json);
    return m.group();
  }

  @Test
  void fiftySchemasInParallelOneFailingThenAResumedRunTouchesOnlyItAndTwoRunsNeverOverlap()
      throws Exception {
    TestDatabase db = TestServer.get().createDatabase();
    schemas(db, "tenant_", 50);
    db.execute("CREATE TABLE tenant_07.blocker (id int)");
    properties("tenants.schemas=tenant_*");
    Launcher retort = new Launcher(project);

    Launcher.Result first =
        retort.run(
            db.cliArgs(),
            "upgrade",
            "--tenants",
            "--parallel",
            "4",
            "--per-server",
            "3",
            "--continue-on-error",
            "--report",
            "json");
    assertEquals(8, first.exitCode(), first.toString());
    assertEquals(49, count(first.out(), "done"), first.out());
    assertEquals(1, count(first.out(), "failed"), first.out());
    String failed = record(first.out(), "tenant_07");
    assertTrue(failed.contains("this tenant is blocked"), failed);
    assertTrue(record(first.out(), "tenant_08").contains("\"to\": [\"r3\"]"), first.out());
    Matcher peak = Pattern.compile("\"peak_connections\": (\\d+)").matcher(first.out());
    assertTrue(
        peak.find() && Integer.parseInt(peak.group(1)) <= 3, "the cap holds: " + first.out());
    assertTrue(first.err().contains("1 failed"), "a plain summary: " + first.err());
    assertEquals("r1", version(db, "tenant_07"), "M2 rolled back, M1 stays");
    for (int i = 0; i < 50; i++) {
      if (i != 7) {
        assertEquals("r3", version(db, String.format("tenant_%02d", i)));
      }
    }

    Launcher.Result behind = retort.run(db.cliArgs(), "current", "--tenants", "tenant_0*");
    assertEquals(0, behind.exitCode(), behind.toString());
    assertTrue(behind.out().contains("tenant_07: r1 (behind r3)"), behind.out());

    Launcher.Result check = retort.run(db.cliArgs(), "check", "--tenants");
    assertEquals(1, check.exitCode(), "check names the tenant behind: " + check);
    assertTrue(check.out().contains("tenant_07: r1 (behind r3)"), check.out());
    assertTrue(!check.out().contains("tenant_08"), "only the ones behind: " + check.out());

    db.execute("DROP TABLE tenant_07.blocker");
    // Two resumed runs at once: only tenant_07 had anything left, and it ran once.
    Process one =
        retort.start(args(db, "upgrade", "--tenants", "--parallel", "4", "--report", "json"));
    Process two =
        retort.start(args(db, "upgrade", "--tenants", "--parallel", "4", "--report", "json"));
    Launcher.Result a = Launcher.finish(one);
    Launcher.Result b = Launcher.finish(two);
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, b.exitCode(), b.toString());
    assertEquals(1, count(a.out(), "done") + count(b.out(), "done"), a.out() + b.out());
    assertEquals(99, count(a.out(), "at target") + count(b.out(), "at target"));
    assertEquals("r3", version(db, "tenant_07"));
    assertEquals(
        "3",
        db.queryOne("SELECT count(*) FROM tenant_07.retort_version_history"),
        "r1 in the first run, then r2 and r3 once");

    Launcher.Result pending = retort.run(db.cliArgs(), "pending", "--tenants");
    assertEquals(0, pending.exitCode(), pending.toString());
    assertTrue(pending.out().contains("50 at target"), pending.toString());
  }

  private static List<String> args(TestDatabase db, String... more) {
    List<String> all = new ArrayList<>(db.cliArgs());
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void aFailedCanaryOrAFirstFailureStopsTheFleet() throws Exception {
    TestDatabase db = TestServer.get().createDatabase();
    schemas(db, "shop_", 10);
    db.execute("CREATE TABLE shop_01.blocker (id int)");
    properties("tenants.schemas=shop_*");
    Launcher retort = new Launcher(project);

    Launcher.Result canary =
        retort.run(
            db.cliArgs(),
            "upgrade",
            "--tenants",
            "--canary",
            "3",
            "--continue-on-error",
            "--parallel",
            "2",
            "--report",
            "json");
    assertEquals(9, canary.exitCode(), canary.toString());
    assertTrue(canary.out().contains("canary tenant shop_01 failed"), canary.out());
    for (int i = 3; i < 10; i++) {
      assertTrue(
          record(canary.out(), "shop_0" + i).contains("\"status\": \"not run\""), canary.out());
      assertEquals(
          "t", db.queryOne("SELECT to_regclass('shop_0" + i + ".retort_version') IS NULL"));
    }

    Launcher.Result stop =
        retort.run(db.cliArgs(), "upgrade", "--tenants", "--parallel", "1", "--report", "json");
    assertEquals(9, stop.exitCode(), stop.toString());
    assertEquals(1, count(stop.out(), "failed"), stop.out());
    assertEquals(8, count(stop.out(), "not run"), "no turn after the failure: " + stop.out());
    assertEquals("r3", version(db, "shop_00"));

    Launcher.Result zero = retort.run(db.cliArgs(), "upgrade", "--tenants", "--parallel", "0");
    assertEquals(2, zero.exitCode(), zero.toString());
    assertTrue(zero.err().contains("--parallel 0 is not from 1 to 256"), zero.err());
    properties("");
    Launcher.Result none = retort.run(db.cliArgs(), "upgrade", "--tenants");
    assertEquals(2, none.exitCode(), none.toString());
    assertTrue(none.err().contains("none is configured"), none.err());
  }

  @Test
  void aFleetOfDatabasesFromAFileWithTableLocksRacingTwice() throws Exception {
    List<TestDatabase> databases = new ArrayList<>();
    List<String> lines = new ArrayList<>(List.of("# one database per tenant"));
    for (int i = 0; i < 4; i++) {
      TestDatabase db = TestServer.get().createDatabase();
      databases.add(db);
      lines.add(db.url().jdbcUrl());
    }
    Files.write(project.resolve("tenants.txt"), lines);
    properties("tenants.file=tenants.txt\nlock.mode=table");
    Launcher retort = new Launcher(project);
    TestDatabase configured = databases.get(0);

    Process one = retort.start(args(configured, "upgrade", "--tenants", "--report", "json"));
    Process two = retort.start(args(configured, "upgrade", "--tenants", "--report", "json"));
    Launcher.Result a = Launcher.finish(one);
    Launcher.Result b = Launcher.finish(two);
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, b.exitCode(), b.toString());
    assertEquals(4, count(a.out(), "done") + count(b.out(), "done"), a.out() + b.out());
    for (TestDatabase db : databases) {
      assertEquals(List.of("r3"), db.query("SELECT version_num FROM retort_version"));
      assertEquals("3", db.queryOne("SELECT count(*) FROM retort_version_history"), "once each");
      assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_lock"), "released");
    }
    assertTrue(
        !a.out()
            .contains(configured.url().password() == null ? "\u0000" : configured.url().password()),
        "no password in the report");
  }
}
