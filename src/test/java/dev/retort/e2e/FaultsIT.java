package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection tier, through the real launcher: the runner killed at every statement
 * boundary of a multi-step upgrade (the version table and the schema agree, the next run finishes,
 * nothing is applied twice); a {@code check} killed or stopped while its embedded server runs; a
 * migrations directory nobody may write to; a disk that is full.
 */
class FaultsIT {

  @TempDir Path project;

  /**
   * Three steps, five statements: a table; a non-transactional step (an index built concurrently, a
   * table); a column and a row.
   */
  private void history() throws Exception {
    MigrationSourceFiles files =
        new MigrationSourceFiles(project.resolve("migrations"), "migrations");
    files.write(
        "M1",
        "f1",
        "op.createTable(\"a\", column(\"id\", bigint()).notNull());",
        "op.dropTable(\"a\");");
    files.writeWithMembers(
        "M2",
        "f2",
        "op.createIndexConcurrently(\"a\", index(\"a_id\", \"id\")); op.execute(\"CREATE TABLE b (id int)\");",
        "op.execute(\"DROP TABLE b\"); op.dropIndexConcurrently(\"a_id\");",
        "@Override public boolean transactional() { return false; }",
        "f1");
    files.write(
        "M3",
        "f3",
        "op.addColumn(\"a\", column(\"note\", text())); op.execute(\"INSERT INTO a VALUES (1, 'x')\");",
        "op.dropColumn(\"a\", \"note\");",
        "f2");
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n");
  }

  @Test
  void killedAtEveryStatementBoundaryTheNextRunFinishesAndNothingRunsTwice() throws Exception {
    history();
    for (int statement = 1; statement <= 5; statement++) {
      TestDatabase db = TestServer.get().createDatabase();
      Launcher killed =
          new Launcher(project).env("RETORT_FAULT_HALT_BEFORE_STATEMENT", "" + statement);
      Launcher.Result halted = killed.run(db.cliArgs(), "upgrade");
      assertEquals(137, halted.exitCode(), "killed before statement " + statement + ": " + halted);

      // What the version table says agrees with the schema.
      List<String> heads = db.query("SELECT version_num FROM retort_version");
      boolean a = exists(db, "a");
      boolean index = exists(db, "a_id");
      boolean b = exists(db, "b");
      boolean note =
          "t"
              .equals(
                  db.queryOne(
                      "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('a') AND attname = 'note')"));
      String state =
          "killed before statement "
              + statement
              + ": heads "
              + heads
              + ", a "
              + a
              + ", a_id "
              + index
              + ", b "
              + b
              + ", note "
              + note;
      switch (heads.isEmpty() ? "base" : heads.get(0)) {
        case "base" -> assertFalse(a || index || b || note, state);
        case "f1" -> assertTrue(a && !b && !note, state);
        case "f2" -> assertTrue(a && index && b && !note, state);
        default -> throw new AssertionError(state);
      }
      Launcher.Result current = new Launcher(project).run(db.cliArgs(), "current");
      assertEquals(0, current.exitCode(), current.toString());

      Launcher.Result resumed = new Launcher(project).run(db.cliArgs(), "upgrade");
      assertEquals(0, resumed.exitCode(), state + ": " + resumed);
      assertEquals(List.of("f3"), db.query("SELECT version_num FROM retort_version"), state);
      assertEquals(
          "3",
          db.queryOne(
              "SELECT count(DISTINCT version_num) FROM retort_version_history WHERE direction = 'upgrade'"),
          state);
      assertEquals(
          "3",
          db.queryOne("SELECT count(*) FROM retort_version_history WHERE direction = 'upgrade'"),
          "nothing ran twice: " + state);
      assertEquals("1", db.queryOne("SELECT count(*) FROM a"), state);
    }
  }

  /**
   * {@code transaction.mode=per-statement}: every statement commits on its own, so a kill can land
   * inside any migration; the next run resumes after the last committed statement and finishes,
   * running none twice (M3's insert would leave two rows).
   */
  @Test
  void perStatementModeKilledAtEveryStatementBoundaryResumesWithoutRunningAnythingTwice()
      throws Exception {
    history();
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\ntransaction.mode=per-statement\n");
    for (int statement = 1; statement <= 5; statement++) {
      TestDatabase db = TestServer.get().createDatabase();
      Launcher.Result halted =
          new Launcher(project)
              .env("RETORT_FAULT_HALT_BEFORE_STATEMENT", "" + statement)
              .run(db.cliArgs(), "upgrade");
      assertEquals(137, halted.exitCode(), "killed before statement " + statement + ": " + halted);
      if (statement == 5) {
        // Inside M3, a transactional migration in the default mode: its ADD COLUMN committed
        // alone and is recorded, so the next run must skip it (running it again would fail).
        assertEquals(
            "1",
            db.queryOne(
                "SELECT statements_done FROM retort_version_partial WHERE version_num = 'f3'"));
      }
      Launcher.Result resumed = new Launcher(project).run(db.cliArgs(), "upgrade");
      assertEquals(0, resumed.exitCode(), "killed before statement " + statement + ": " + resumed);
      assertEquals(List.of("f3"), db.query("SELECT version_num FROM retort_version"));
      assertEquals(
          "3",
          db.queryOne("SELECT count(*) FROM retort_version_history WHERE direction = 'upgrade'"),
          "nothing ran twice, killed before statement " + statement);
      assertEquals("1", db.queryOne("SELECT count(*) FROM a"), "the insert ran once");
      assertEquals("0", db.queryOne("SELECT count(*) FROM retort_version_partial"));
    }
  }

  private static boolean exists(TestDatabase db, String relation) {
    return "t".equals(db.queryOne("SELECT to_regclass('" + relation + "') IS NOT NULL"));
  }

  private void sample() throws Exception {
    Launcher.copyTree(Path.of("samples/workforce"), project.resolve("workforce"));
  }

  @Test
  void aKilledCheckLeavesNoEmbeddedServerForTheNextRun() throws Exception {
    sample();
    Launcher retort = new Launcher(project);
    Set<Long> before = runningPostmasters();
    Process check = retort.start(List.of("-c", "workforce/retort.properties", "check"));
    ProcessHandle postmaster = awaitPostmaster(check, before);
    Path dataDirectory = dataDirectory(postmaster);
    check.destroyForcibly();
    check.waitFor(30, TimeUnit.SECONDS);
    assertTrue(postmaster.isAlive(), "kill -9 leaves the embedded server behind");

    Launcher.Result next = retort.run("-c", "workforce/retort.properties", "check");
    assertEquals(0, next.exitCode(), next.toString());
    postmaster.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(postmaster.isAlive(), "the next run stopped the orphan");
    assertFalse(Files.exists(dataDirectory), "and deleted its data directory " + dataDirectory);
  }

  @Test
  void aCheckStoppedBySigtermSaysSoAndStopsItsServer() throws Exception {
    sample();
    Set<Long> before = runningPostmasters();
    Process check =
        new Launcher(project).start(List.of("-c", "workforce/retort.properties", "check"));
    ProcessHandle postmaster = awaitPostmaster(check, before);
    Path dataDirectory = dataDirectory(postmaster);
    check.destroy();
    Launcher.Result result = Launcher.finish(check);
    assertEquals(143, result.exitCode(), result.toString());
    assertFalse(result.err().contains("cannot connect"), result.toString());
    postmaster.onExit().get(20, TimeUnit.SECONDS);
    assertFalse(postmaster.isAlive(), "the embedded server is stopped");
    assertFalse(Files.exists(dataDirectory), "its data directory is deleted: " + dataDirectory);
  }

  /** A postmaster's command line: the postgres binary on a data directory of Retort's. */
  private static final Pattern POSTMASTER =
      Pattern.compile("/bin/postgres -D (\\S*retort-embedded/data-\\S+)");

  /** The data directory a postmaster runs on, from its command line ({@code -D dir}). */
  private static Path dataDirectory(ProcessHandle postmaster) {
    String commandLine = postmaster.info().commandLine().orElseThrow();
    Matcher directory = POSTMASTER.matcher(commandLine);
    assertTrue(directory.find(), "no data directory in " + commandLine);
    Path path = Path.of(directory.group(1));
    assertTrue(Files.isDirectory(path), path.toString());
    return path;
  }

  /**
   * The postmaster of the embedded server a process started: a postgres server on a data directory
   * of Retort's that was not running before. (Not a descendant of the process: pg_ctl leaves it to
   * init; and not initdb, which a looser match would also find.)
   */
  private static ProcessHandle awaitPostmaster(Process process, Set<Long> before) throws Exception {
    for (int i = 0; i < 600; i++) {
      Optional<ProcessHandle> postmaster =
          postmasters().filter(p -> !before.contains(p.pid())).findFirst();
      if (postmaster.isPresent()) {
        Thread.sleep(300);
        return postmaster.get();
      }
      assertTrue(process.isAlive(), "the command ended before its embedded server started");
      Thread.sleep(50);
    }
    throw new AssertionError("no embedded server appeared");
  }

  /** The running postmasters of embedded servers on this machine. */
  private static Stream<ProcessHandle> postmasters() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> POSTMASTER.matcher(c).find()).orElse(false));
  }

  private static Set<Long> runningPostmasters() {
    return postmasters().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  @Test
  void aMigrationsDirectoryNobodyMayWriteToIsExitTwoNamingIt() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv to drop root");
    Path work =
        Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "retort-ro-");
    try {
      Path bin = Files.createDirectories(work.resolve("bin"));
      Path launcher = Launcher.launcher();
      Files.copy(launcher, bin.resolve("retort"));
      Files.copy(launcher.resolveSibling("retort.jar"), bin.resolve("retort.jar"));
      Path migrations = Files.createDirectories(work.resolve("migrations"));
      Files.writeString(work.resolve("retort.properties"), "migrations.dir=migrations\n");
      run("chmod", "-R", "a+rX", work.toString());
      run("chmod", "a+x", bin.resolve("retort").toString());
      run("chmod", "555", migrations.toString());
      List<String> command = new ArrayList<>(asNobody());
      command.addAll(List.of(bin.resolve("retort").toString(), "revision", "-m", "first"));
      Launcher.Result result =
          Launcher.finish(new ProcessBuilder(command).directory(work.toFile()).start());
      assertEquals(2, result.exitCode(), result.toString());
      assertTrue(
          result.err().contains("cannot write the migration to " + migrations), result.toString());
      try (Stream<Path> files = Files.list(migrations)) {
        assertEquals(0, files.count(), "no file, not even a partial one");
      }
    } finally {
      run("rm", "-rf", work.toString());
    }
  }

  @Test
  void aFullDiskLeavesNoPartialMigrationAndNamesTheDirectory() throws Exception {
    Files.createDirectories(project.resolve("migrations"));
    Files.writeString(project.resolve("retort.properties"), "migrations.dir=migrations\n");
    // A file size limit makes every write past it fail as a full disk does (EFBIG).
    String message = "a message long enough for the file to outgrow the limit ".repeat(40);
    Launcher.Result result =
        Launcher.finish(
            new ProcessBuilder(
                    "sh",
                    "-c",
                    "ulimit -f 2; exec \"$0\" revision -m \"$1\"",
                    Launcher.launcher().toString(),
                    message)
                .directory(project.toFile())
                .start());
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.err().contains("cannot write the migration to "), result.toString());
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      assertEquals(List.of(), files.toList(), "no file, not even a partial one");
    }
  }

  private static List<String> asNobody() throws Exception {
    return run("id", "-u").strip().equals("0")
        ? List.of(
            "/usr/bin/setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "env",
            "HOME=/nonexistent",
            "NO_COLOR=1")
        : List.of("env", "NO_COLOR=1");
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor(60, TimeUnit.SECONDS);
    return output;
  }
}
