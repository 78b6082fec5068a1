package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tenants} through the launcher: a fleet of 50 schemas and one of 10 databases upgraded in
 * parallel; a tenant that fails (continue-on-error, stop, canary; exit codes; the JSON report); a
 * resumed run that touches only what is left; two fleet runs at once that apply nothing twice; the
 * per-server cap holding for a table lock's connections too, counted on the server; {@code check
 * --tenants} and {@code drift --tenants} naming the one tenant changed by hand; autogenerate and
 * {@code check} comparing the entities with the template tenant.
 */
class FleetIT {

  @TempDir Path project;

  /**
   * Three migrations, and entities they build; the second refuses a tenant that has a table named
   * {@code blocker}.
   */
  @BeforeEach
  void history() throws Exception {
    MigrationSourceFiles files =
        new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1",
        "r1",
        "op.createTable(\"a\", column(\"id\", bigint()).notNull(), primaryKey(\"a_pkey\", \"id\"));",
        "op.dropTable(\"a\");");
    files.write(
        "M2",
        "r2",
        "op.execute(\"DO $$ BEGIN IF to_regclass('blocker') IS NOT NULL THEN"
            + " RAISE EXCEPTION 'this tenant is blocked'; END IF; END $$\");"
            + " op.addColumn(\"a\", column(\"note\", varchar(255)));",
        "op.dropColumn(\"a\", \"note\");",
        "r1");
    files.write(
        "M3",
        "r3",
        "op.createIndex(\"a\", index(\"a_note\", \"note\"));",
        "op.dropIndex(\"a_note\");",
        "r2");
    entities("");
  }

  /** The entity the migrations build, with {@code more} fields. */
  private void entities(String more) throws Exception {
    Path model = Files.createDirectories(project.resolve("model/fleet"));
    Files.writeString(
        model.resolve("A.java"),
        "package fleet;\n\nimport jakarta.persistence.*;\n\n@Entity\n"
            + "@Table(name = \"a\", indexes = @Index(name = \"a_note\", columnList = \"note\"))\n"
            + "public class A {\n  @Id Long id;\n  String note;\n"
            + more
            + "}\n");
  }

  private void properties(String tenants) throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n"
            + "entities.sources=model\nentities.packages=fleet\n"
            + tenants
            + "\n");
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
    assertTrue(first.out().startsWith("{") && first.out().strip().endsWith("}"), first.toString());
    assertTrue(first.err().contains("Upgrading 50 tenant(s) to head"), "for people: " + first);
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
    assertTrue(
        check.out().contains("tenant_07: behind by 2 migration(s) (at r1, the heads are r3)"),
        check.toString());
    assertEquals(
        1, tenantLines(check.out()).size(), "the others are at head and in sync: " + check);

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

    // One tenant changed by hand: check names it, and only it, with the difference.
    db.execute("ALTER TABLE tenant_13.a ADD COLUMN hacked integer");
    Launcher.Result drifted =
        retort.run(db.cliArgs(), "check", "--tenants", "--parallel", "4", "--report", "json");
    assertEquals(1, drifted.exitCode(), drifted.toString());
    assertEquals(1, count(drifted.out(), "drifted"), drifted.out());
    assertEquals(49, count(drifted.out(), "at target"), drifted.out());
    assertTrue(
        record(drifted.out(), "tenant_13")
            .contains("\"differences\": [\"removed column 'a.hacked'\"], \"difference_count\": 1"),
        drifted.out());
    assertTrue(
        drifted.err().contains("read once on the template tenant tenant_00 (the fleet's first"),
        drifted.err());
    Launcher.Result drift = retort.run(db.cliArgs(), "drift", "--tenants");
    assertEquals(1, drift.exitCode(), drift.toString());
    assertEquals(
        List.of(
            "tenant_13: drifted from what the migrations build at r3 (1 difference(s)):"
                + " removed column 'a.hacked'"),
        tenantLines(drift.out()),
        drift.toString());
    assertTrue(drift.err().contains("1 drifted"), drift.err());
  }

  /** The lines about tenants, without the one that says what the command does. */
  private static List<String> tenantLines(String out) {
    return out.lines().filter(line -> line.startsWith("tenant_")).toList();
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
  void tenDatabasesFromAFileWithTableLocksRacingTwiceAndThePerServerCapHoldingOnTheServer()
      throws Exception {
    // A fourth migration that takes a while, so that turns overlap long enough to be counted.
    new MigrationSourceFiles(project.resolve("migrations"), "migrations")
        .write("M4", "r4", "op.execute(\"SELECT pg_sleep(0.2)\");", "", "r3");
    List<TestDatabase> databases = new ArrayList<>();
    List<String> lines = new ArrayList<>(List.of("# one database per tenant"));
    for (int i = 0; i < 10; i++) {
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
    assertEquals(10, count(a.out(), "done") + count(b.out(), "done"), a.out() + b.out());
    for (TestDatabase db : databases) {
      assertEquals(List.of("r4"), db.query("SELECT version_num FROM retort_version"));
      assertEquals("4", db.queryOne("SELECT count(*) FROM retort_version_history"), "once each");
      assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_lock"), "released");
    }
    assertTrue(
        !a.out()
            .contains(configured.url().password() == null ? "\u0000" : configured.url().password()),
        "no password in the report");

    Launcher.Result down =
        retort.run(args(configured, "downgrade", "r1", "--tenants", "--parallel", "4"));
    assertEquals(0, down.exitCode(), down.toString());
    List<String> names = databases.stream().map(TestDatabase::name).toList();
    ConnectionCounter counter = new ConnectionCounter(configured, names);
    Launcher.Result capped;
    try {
      capped =
          retort.run(
              args(
                  configured,
                  "upgrade",
                  "--tenants",
                  "--parallel",
                  "4",
                  "--per-server",
                  "4",
                  "--report",
                  "json"));
    } finally {
      counter.stop();
    }
    assertEquals(0, capped.exitCode(), capped.toString());
    assertEquals(10, count(capped.out(), "done"), capped.out());
    assertTrue(
        counter.peak() >= 2 && counter.peak() <= 4,
        "each turn's connection and its lock row's, never over the cap of 4 on the server: "
            + counter.peak());
    Matcher peak = Pattern.compile("\"peak_connections\": (\\d+)").matcher(capped.out());
    assertTrue(peak.find() && Integer.parseInt(peak.group(1)) <= 4, capped.out());

    Launcher.Result tooFew =
        retort.run(args(configured, "upgrade", "--tenants", "--per-server", "1"));
    assertEquals(2, tooFew.exitCode(), tooFew.toString());
    assertTrue(tooFew.err().contains("--per-server 2 or more"), tooFew.err());

    TestDatabase changed = databases.get(5);
    changed.execute("DROP INDEX a_note");
    Launcher.Result drift = retort.run(args(configured, "drift", "--tenants", "--report", "json"));
    assertEquals(1, drift.exitCode(), drift.toString());
    assertEquals(1, count(drift.out(), "drifted"), drift.out());
    assertEquals(9, count(drift.out(), "at target"), drift.out());
    String record = record(drift.out(), Pattern.quote(changed.url().display()));
    assertTrue(record.contains("\"status\": \"drifted\""), record);
    assertTrue(record.contains("a_note"), record);
  }

  /**
   * Counts, on the server, Retort's connections to the fleet's databases, many times a second while
   * a run goes on; the largest count seen is the peak.
   */
  private static final class ConnectionCounter {
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ConnectionCounter(TestDatabase server, List<String> databases) throws Exception {
      Connection connection = server.connect();
      PreparedStatement count =
          connection.prepareStatement(
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'retort'"
                  + " AND pid <> pg_backend_pid() AND datname = ANY (?)");
      count.setArray(1, connection.createArrayOf("text", databases.toArray()));
      thread =
          new Thread(
              () -> {
                try (connection;
                    count) {
                  while (running.get()) {
                    try (ResultSet rs = count.executeQuery()) {
                      rs.next();
                      peak.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                    Thread.sleep(5);
                  }
                } catch (Exception e) {
                  peak.set(Integer.MAX_VALUE);
                }
              });
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    int peak() {
      return peak.get();
    }
  }

  @Test
  void autogenerateAndCheckCompareTheEntitiesWithTheTemplateTenant() throws Exception {
    TestDatabase db = TestServer.get().createDatabase();
    schemas(db, "tenant_", 3);
    properties("tenants.schemas=tenant_*");
    Launcher retort = new Launcher(project);
    assertEquals(0, retort.run(db.cliArgs(), "upgrade", "--tenants").exitCode());
    entities("  String extra;\n");

    // public, the configured schema, has no version table: without the fleet's template the
    // comparison would refuse it as not at the head.
    Launcher.Result check = retort.run(db.cliArgs(), "check");
    assertEquals(1, check.exitCode(), check.toString());
    assertTrue(
        check
            .out()
            .contains(
                "Comparing the entities with the template tenant tenant_00 (the"
                    + " fleet's first tenant; tenants.template chooses)"),
        check.toString());
    assertTrue(check.out().contains("extra"), check.toString());
    assertTrue(!check.err().contains("lint:"), "nothing is pending for the template: " + check);

    properties("tenants.schemas=tenant_*\ntenants.template=tenant_01");
    db.execute("ALTER TABLE tenant_00.a ADD COLUMN hacked integer");
    Launcher.Result revision =
        retort.run(db.cliArgs(), "revision", "--autogenerate", "-m", "add extra");
    assertEquals(0, revision.exitCode(), revision.toString());
    assertTrue(
        revision
            .out()
            .contains(
                "Comparing the entities with the template tenant tenant_01 (tenants.template)"),
        revision.toString());
    String written;
    try (var files = Files.list(project.resolve("migrations"))) {
      Path file =
          files.filter(f -> f.getFileName().toString().contains("AddExtra")).findFirst().get();
      written = Files.readString(file);
    }
    assertTrue(written.contains("op.addColumn(\"a\", column(\"extra\", varchar(255)))"), written);
    assertTrue(
        !written.contains("hacked"), "tenant_00's own change is not the template's: " + written);

    assertEquals(0, retort.run(db.cliArgs(), "upgrade", "--tenants").exitCode());
    Launcher.Result fleet = retort.run(db.cliArgs(), "check", "--tenants");
    assertEquals(1, fleet.exitCode(), fleet.toString());
    assertEquals(
        List.of(
            "tenant_00: drifted from the entities at "
                + db.queryOne("SELECT version_num FROM tenant_00.retort_version")
                + " (1 difference(s)): removed column 'a.hacked'"),
        tenantLines(fleet.out()),
        "the new migration brought every tenant in sync, tenant_00's own column aside: " + fleet);
  }
}
