package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entities --from-database} through the packaged launcher, on a database the workforce
 * sample's migrations built: the entities Hibernate Tools writes, compiled by Retort and compared
 * with that database, leave {@code check} nothing to report; the same database gives the same
 * bytes; and a team adopting a database starts from them (entities, a baseline migration, stamp).
 */
@ExtendWith(PostgresExtension.class)
class EntitiesFromDatabaseIT {

  private static final String PACKAGE = "com.example.model";

  /** One class per workforce table, and one enum for its PostgreSQL enum type. */
  private static final List<String> FILES =
      Stream.of(
              "AttendanceRecords",
              "CallNotes",
              "LeaveRequests",
              "Messages",
              "Permissions",
              "Projects",
              "RolePermissions",
              "RolePermissionsId",
              "Roles",
              "TeamMemberships",
              "Teams",
              "UserRoles",
              "UserRolesId",
              "Users",
              "Userstatus")
          .map(name -> "com/example/model/" + name + ".java")
          .toList();

  @TempDir Path project;

  @Test
  void generatedEntitiesCompareCleanWithTheirDatabase(TestDatabase db) throws Exception {
    Path workforce = Files.createDirectories(project.resolve("workforce"));
    Launcher.copyTree(Path.of("samples/workforce"), workforce);
    assertEquals(0, new Launcher(workforce).run(db.cliArgs(), "upgrade", "head").exitCode());

    Path app = Files.createDirectories(project.resolve("app"));
    Launcher retort = new Launcher(app);
    Launcher.Result generated =
        retort.run(db.cliArgs(), "entities", "--from-database", "--package", PACKAGE);
    assertEquals(0, generated.exitCode(), generated.toString());
    assertTrue(
        generated.out().contains("Wrote 15 source file(s) in package " + PACKAGE), generated.out());
    assertTrue(
        generated.out().contains("src/main/java/com/example/model/Users.java"), generated.out());
    Path sources = app.resolve("src/main/java");
    assertEquals(FILES, files(sources));

    String users = Files.readString(sources.resolve("com/example/model/Users.java"));
    assertTrue(users.contains("@Entity\n@Table(\n    name = \"users\""), users);
    assertTrue(users.contains("@Id @GeneratedValue(strategy = IDENTITY)"), users);
    assertTrue(users.contains("@Column(name = \"email\", nullable = false, length = 320)"), users);
    assertTrue(users.contains("@JdbcTypeCode(SqlTypes.NAMED_ENUM)\n"), users);
    assertTrue(users.contains("private Userstatus status;"), users);
    assertTrue(
        users.contains("@UniqueConstraint(name = \"uq_users_email\", columnNames = {\"email\"})"),
        users);
    String leave = Files.readString(sources.resolve("com/example/model/LeaveRequests.java"));
    assertTrue(
        leave.contains(
            "@ManyToOne(fetch = FetchType.LAZY)\n    @JoinColumn(name = \"approver_id\")\n"
                + "    @OnDelete(action = OnDeleteAction.SET_NULL)\n    public Users getApprover()"),
        leave);
    assertTrue(
        leave.contains(
            "@Index(name = \"ix_leave_requests_user_starts\", columnList = \"user_id, starts_on\")"),
        leave);
    assertTrue(leave.contains("@CheckConstraint(name = \"ck_leave_requests_dates\""), leave);

    // The round trip: Retort compiles the sources and compares them with the database.
    Files.writeString(
        app.resolve("retort.properties"),
        "entities.sources=src/main/java\n"
            + "entities.packages="
            + PACKAGE
            + "\nmigrations.dir=../workforce/migrations\n"
            + "migrations.package=com.example.workforce.migrations\n");
    Launcher.Result check = retort.run(db.cliArgs(), "check");
    assertEquals(0, check.exitCode(), check.toString());
    assertTrue(check.out().contains("in sync"), check.out());

    // Deterministic: the same database, the same bytes.
    Launcher.Result again =
        retort.run(
            db.cliArgs(), "entities", "--from-database", "--package", PACKAGE, "--out", "again");
    assertEquals(0, again.exitCode(), again.toString());
    for (String file : FILES) {
      assertArrayEquals(
          Files.readAllBytes(sources.resolve(file)),
          Files.readAllBytes(app.resolve("again").resolve(file)),
          file);
    }

    // Never over a file without --force; nothing written then.
    Launcher.Result refused =
        retort.run(db.cliArgs(), "entities", "--from-database", "--package", PACKAGE);
    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("already exists"), refused.err());
    assertTrue(refused.err().contains("--force"), refused.err());
  }

  /**
   * The README's "Start from an existing database": a database built some other way, entities
   * reverse-engineered from it, a baseline migration written from it, the database stamped; then
   * {@code check} (entities against migrations and database) reports nothing.
   */
  @Test
  void aTeamStartsFromAnExistingDatabase(TestDatabase db) throws Exception {
    Path workforce = Files.createDirectories(project.resolve("workforce"));
    Launcher.copyTree(Path.of("samples/workforce"), workforce);
    assertEquals(0, new Launcher(workforce).run(db.cliArgs(), "upgrade", "head").exitCode());
    db.execute("DROP TABLE retort_version, retort_version_history, retort_version_partial");

    Path app = Files.createDirectories(project.resolve("app"));
    Files.writeString(
        app.resolve("retort.properties"),
        "entities.sources=src/main/java\nentities.packages="
            + PACKAGE
            + "\nmigrations.dir=migrations\nmigrations.package=com.example.migrations\n");
    Launcher retort = new Launcher(app);
    Launcher.Result entities =
        retort.run(db.cliArgs(), "entities", "--from-database", "--package", PACKAGE);
    assertEquals(0, entities.exitCode(), entities.toString());
    Launcher.Result baseline =
        retort.run(db.cliArgs(), "revision", "--from-database", "-m", "baseline");
    assertEquals(0, baseline.exitCode(), baseline.toString());
    assertEquals(0, retort.run(db.cliArgs(), "stamp", "head").exitCode());

    Launcher.Result check = retort.run(db.cliArgs(), "check");
    assertEquals(0, check.exitCode(), check.toString());
    Launcher.Result offline = retort.run("check");
    assertEquals(0, offline.exitCode(), offline.toString());
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString())
          .sorted()
          .toList();
    }
  }
}
