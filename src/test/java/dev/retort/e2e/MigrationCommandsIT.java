package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.MigrationSourceFiles;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The migration commands through the real launcher, as a user runs them. */
@ExtendWith(PostgresExtension.class)
class MigrationCommandsIT {

  @TempDir Path project;

  private static final List<String> COMMANDS =
      List.of(
          "init",
          "revision",
          "upgrade",
          "downgrade",
          "current",
          "history",
          "heads",
          "branches",
          "show",
          "stamp",
          "merge",
          "check");

  @Test
  void everyCommandHasHelp() throws Exception {
    Launcher retort = new Launcher(project);
    Launcher.Result top = retort.run("--help");
    assertEquals(0, top.exitCode(), top.toString());
    assertTrue(top.out().contains("Exit codes:"), top.out());
    for (String command : COMMANDS) {
      Launcher.Result help = retort.run(command, "--help");
      assertEquals(0, help.exitCode(), command + ": " + help);
      assertTrue(help.out().startsWith("Usage: retort " + command), help.out());
    }
  }

  private static Path onlyNewFile(Path dir, List<Path> before) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> added = files.filter(f -> !before.contains(f)).toList();
      assertEquals(1, added.size(), added.toString());
      return added.get(0);
    }
  }

  private static List<Path> list(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  /** Writes a revision through the CLI, then fills in its bodies as a user would. */
  private static String revision(
      Launcher retort, Path migrations, List<String> args, String upgrade, String downgrade)
      throws Exception {
    List<Path> before = list(migrations);
    Launcher.Result result = retort.run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.toString());
    Path file = onlyNewFile(migrations, before);
    String source =
        Files.readString(file)
            .replaceFirst(
                "// Write the upgrade steps here[^\n]*", Matcher.quoteReplacement(upgrade))
            .replaceFirst(
                "// Write the steps that undo the upgrade here[^\n]*",
                Matcher.quoteReplacement(downgrade));
    Files.writeString(file, source);
    Matcher id = Pattern.compile("id = \"([0-9a-f_A-Z]+)\"").matcher(source);
    assertTrue(id.find(), source);
    return id.group(1);
  }

  @Test
  void initRevisionUpgradeDowngradeStampAndInspect(TestDatabase db) throws Exception {
    Launcher retort = new Launcher(project);
    Launcher.Result init = retort.run("init");
    assertEquals(0, init.exitCode(), init.toString());
    assertTrue(Files.exists(project.resolve("retort.properties")));
    Files.writeString(
        project.resolve("retort.properties"),
        "url="
            + db.url().jdbcUrl()
            + "\nuser="
            + db.url().user()
            + "\nmigrations.dir=migrations\nmigrations.package=migrations\n");
    Path migrations = project.resolve("migrations");

    String first =
        revision(
            retort,
            migrations,
            List.of("revision", "-m", "create users", "--rev-id", "aaa111"),
            "op.createTable(\"users\", column(\"id\", bigint()).notNull(), primaryKey(\"users_pkey\", \"id\"));",
            "op.dropTable(\"users\");");
    assertEquals("aaa111", first);
    String second =
        revision(
            retort,
            migrations,
            List.of("revision", "-m", "add email"),
            "op.addColumn(\"users\", column(\"email\", text()));",
            "op.dropColumn(\"users\", \"email\");");
    String branch =
        revision(
            retort,
            migrations,
            List.of("revision", "-m", "add name", "--head", "aaa"),
            "op.addColumn(\"users\", column(\"name\", text()));",
            "op.dropColumn(\"users\", \"name\");");

    Launcher.Result heads = retort.run("heads");
    assertEquals(2, heads.out().lines().count(), heads.toString());

    // Nowhere to keep the cache (a regular file stands where each directory would go).
    String file = project.resolve("retort.properties").toString();
    Launcher.Result noCache =
        new Launcher(project)
            .env("RETORT_CACHE_DIR", "")
            .env("XDG_CACHE_HOME", "")
            .env("HOME", file)
            .env("RETORT_JAVA_OPTS", "-Djava.io.tmpdir=" + file + " -Duser.home=" + file)
            .run("heads");
    assertEquals(2, noCache.exitCode(), noCache.toString());
    assertEquals(
        "error: no writable directory for Retort's cache (not under XDG_CACHE_HOME, HOME or the temporary"
            + " directory) (hint: set RETORT_CACHE_DIR to a writable directory)\n",
        noCache.err(),
        noCache.toString());
    Launcher.Result branches = retort.run("branches");
    assertTrue(
        branches.out().startsWith("<base> -> aaa111 (branchpoint), create users"),
        branches.toString());

    Launcher.Result twoHeads = retort.run("upgrade");
    assertEquals(4, twoHeads.exitCode(), twoHeads.toString());

    String merge =
        revision(
            retort, migrations, List.of("merge", "-m", "merge branches", second, branch), "", "");
    Launcher.Result up = retort.run("upgrade");
    assertEquals(0, up.exitCode(), up.toString());
    assertTrue(up.out().contains("Running upgrade <base> -> aaa111, create users"), up.out());
    assertTrue(up.out().contains("the database is at " + merge), up.out());
    assertEquals(
        List.of("users.email", "users.id", "users.name"),
        db.query(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY 1"));

    Launcher.Result current = retort.run("current");
    assertEquals(merge + " (head)\n", current.out(), current.toString());

    Launcher.Result history = retort.run("history");
    // A merge lists its parents in the order they were given to 'merge'.
    assertTrue(
        history
            .out()
            .startsWith(
                second + ", " + branch + " -> " + merge + " (head) (mergepoint), merge branches"),
        history.out());
    Launcher.Result verboseHistory = retort.run("history", "--verbose");
    assertTrue(verboseHistory.out().contains("upgrade at "), verboseHistory.out());

    Launcher.Result show = retort.run("show", "aaa");
    assertTrue(show.out().contains("CREATE TABLE users ("), show.out());

    Launcher.Result down = retort.run("downgrade", "aaa111");
    assertEquals(0, down.exitCode(), down.toString());
    assertEquals(
        List.of("users.id"),
        db.query(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY 1"));
    assertEquals("aaa111 (head)\n".replace(" (head)", ""), retort.run("current").out());

    Launcher.Result stamp = retort.run("stamp", "head");
    assertEquals(0, stamp.exitCode(), stamp.toString());
    assertEquals(merge + " (head)\n", retort.run("current").out());

    Launcher.Result sql = retort.run("upgrade", "--sql", "aaa111:" + second);
    assertEquals(0, sql.exitCode(), sql.toString());
    assertTrue(sql.out().contains("ALTER TABLE users ADD COLUMN email text;"), sql.out());
    assertTrue(!sql.out().contains("CREATE TABLE users"), "starts after aaa111: " + sql.out());

    // The JVM's own warnings (here: a heap smaller than the launcher's young generation) go to
    // stderr, so redirected SQL stays SQL.
    Launcher.Result smallHeap =
        retort.env("RETORT_JAVA_OPTS", "-Xmx128m").run("upgrade", "--sql", "aaa111:" + second);
    retort.env("RETORT_JAVA_OPTS", "");
    assertEquals(0, smallHeap.exitCode(), smallHeap.toString());
    assertEquals(sql.out(), smallHeap.out());
    assertTrue(
        smallHeap.err().contains("MaxNewSize"),
        "the warning is still shown, on stderr: " + smallHeap.err());
  }

  @Test
  void twoUpgradeProcessesStartedTogetherApplyEachMigrationOnce(TestDatabase db) throws Exception {
    Path migrations = project.resolve("migrations");
    MigrationSourceFiles files = new MigrationSourceFiles(migrations, "migrations");
    String previous = null;
    for (int i = 1; i <= 8; i++) {
      String id = "r" + i;
      String body =
          "op.createTable(\"t"
              + i
              + "\", column(\"id\", integer())); op.execute(\"SELECT pg_sleep(0.05)\");";
      if (previous == null) {
        files.write("M" + i, id, body, "op.dropTable(\"t" + i + "\");");
      } else {
        files.write("M" + i, id, body, "op.dropTable(\"t" + i + "\");", previous);
      }
      previous = id;
    }
    Files.writeString(
        project.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=migrations\n");
    Launcher retort = new Launcher(project);
    List<String> args = new ArrayList<>(db.cliArgs());
    args.add("upgrade");
    Process a = retort.start(args);
    Process b = retort.start(args);
    Launcher.Result ra = Launcher.finish(a);
    Launcher.Result rb = Launcher.finish(b);
    assertEquals(0, ra.exitCode(), ra.toString());
    assertEquals(0, rb.exitCode(), rb.toString());
    assertEquals(
        "8",
        db.queryOne("SELECT count(*) FROM retort_version_history WHERE direction = 'upgrade'"));
    assertEquals(List.of("r8"), db.query("SELECT version_num FROM retort_version"));
    long ran =
        Stream.of(ra, rb)
            .mapToLong(r -> r.out().lines().filter(l -> l.startsWith("Running upgrade")).count())
            .sum();
    assertEquals(8, ran, ra + "\n" + rb);
  }
}
