package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole safe path on a table of 100,000 rows: autogenerate plans an index, a foreign key and a
 * NOT NULL online; {@code check --locks} proves on an embedded server filled with as many rows that
 * no statement stops writers longer than the budget (and sees the plain plan's SHARE lock, so the
 * measurement is not blind); the upgrade then runs while another session keeps inserting, and none
 * of its inserts fails.
 */
@ExtendWith(PostgresExtension.class)
class SafeMigrationEndToEndTest {

  private static final int ROWS = 100_000;

  @TempDir Path project;

  private void entities(boolean v2) throws Exception {
    Path model = Files.createDirectories(project.resolve("model/fx"));
    Files.writeString(
        model.resolve("Team.java"),
        """
        package fx;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "team")
        public class Team {
          @Id Long id;
        }
        """);
    Files.writeString(
        model.resolve("Player.java"),
        v2
            ? """
            package fx;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "player", indexes = @Index(name = "ix_player_name", columnList = "name"))
            public class Player {
              @Id Long id;
              @Column(nullable = false) String name;
              @ManyToOne
              @JoinColumn(name = "team_id", foreignKey = @ForeignKey(name = "fk_player_team"))
              Team team;
            }
            """
            : """
            package fx;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "player")
            public class Player {
              @Id Long id;
              String name;
              @Column(name = "team_id") Long teamId;
            }
            """);
  }

  private String newest(String dir) throws Exception {
    try (Stream<Path> files = Files.list(project.resolve(dir))) {
      return Files.readString(files.sorted().reduce((a, b) -> b).orElseThrow());
    }
  }

  @Test
  void onlinePlanMeasuredThenAppliedWhileWritersKeepWriting(TestDatabase db) throws Exception {
    CliRunner cli = new CliRunner(project);
    Files.writeString(
        project.resolve("retort.properties"),
        "entities.sources=model\nentities.packages=fx\nmigrations.dir=migrations\n"
            + "migrations.package=migrations\n");
    entities(false);
    assertEquals(0, cli.run(db.cliArgs(), "revision", "--autogenerate", "-m", "v1").exitCode());
    assertEquals(0, cli.run(db.cliArgs(), "upgrade", "head").exitCode());
    db.execute(
        "INSERT INTO team SELECT g FROM generate_series(1, 100) g",
        "INSERT INTO player (id, name, team_id) SELECT g, 'player ' || g, g % 100 + 1 FROM generate_series(1, "
            + ROWS
            + ") g",
        "ANALYZE team",
        "ANALYZE player");

    entities(true);
    CliRunner.Result autogenerate = cli.run(db.cliArgs(), "revision", "--autogenerate", "-m", "v2");
    assertEquals(0, autogenerate.exitCode(), autogenerate.err());
    String migration = newest("migrations");
    assertTrue(migration.contains("op.createIndexConcurrently(\"player\""), migration);
    assertTrue(migration.contains("op.addConstraintNotValid(\"player\", foreignKey("), migration);
    assertTrue(
        migration.contains("op.validateConstraint(\"player\", \"fk_player_team\")"), migration);
    assertTrue(migration.contains("check(\"player_name_not_null_check\""), migration);
    assertTrue(
        migration.contains(
            "// LOCK: SHARE UPDATE EXCLUSIVE on player while it builds the index concurrently"),
        migration);
    assertTrue(migration.contains("player: ~100,000 rows"), migration);

    CliRunner.Result locks =
        cli.run(
            db.cliArgs(),
            "check",
            "--locks",
            "--lock-budget",
            "1s",
            "--seed-rows",
            String.valueOf(ROWS));
    assertEquals(0, locks.exitCode(), locks.out() + locks.err());
    assertTrue(locks.out().contains("ShareUpdateExclusiveLock on player"), locks.out());
    assertFalse(locks.out().contains("OVER"), locks.out());
    // Brief steps are measured too: the NOT VALID foreign key's lock on both tables.
    assertTrue(locks.out().contains("ShareRowExclusiveLock on team"), locks.out());
    assertTrue(locks.out().contains("none held a lock that stops writers"), locks.out());

    // The same change planned plainly: the measurement sees the SHARE lock of CREATE INDEX.
    CliRunner plain = new CliRunner(project.resolve("plain"));
    Files.createDirectories(project.resolve("plain"));
    Files.writeString(
        project.resolve("plain/retort.properties"),
        "entities.sources=../model\nentities.packages=fx\nmigrations.dir=migrations\n"
            + "migrations.package=migrations\nplan.online=never\n");
    Files.createDirectories(project.resolve("plain/migrations"));
    try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
      Path first = files.sorted().findFirst().orElseThrow();
      Files.copy(first, project.resolve("plain/migrations").resolve(first.getFileName()));
    }
    assertEquals(
        0, plain.run(db.cliArgs(), "revision", "--autogenerate", "-m", "plain").exitCode());
    CliRunner.Result plainLocks =
        plain.run(
            db.cliArgs(),
            "check",
            "--locks",
            "--lock-budget",
            "1ms",
            "--seed-rows",
            String.valueOf(ROWS));
    assertEquals(1, plainLocks.exitCode(), plainLocks.out() + plainLocks.err());
    assertTrue(plainLocks.out().contains(" ShareLock on player"), plainLocks.out());
    assertTrue(plainLocks.out().contains("OVER"), plainLocks.out());

    // The online plan on the real table, while a writer keeps inserting.
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger inserted = new AtomicInteger();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.connect();
                  PreparedStatement insert =
                      c.prepareStatement(
                          "INSERT INTO player (id, name, team_id) VALUES (?, ?, 7)")) {
                int id = ROWS + 1;
                while (writing.get()) {
                  insert.setLong(1, id);
                  insert.setString(2, "late " + id);
                  insert.executeUpdate();
                  id++;
                  inserted.incrementAndGet();
                }
              } catch (Throwable e) {
                failures.add(e);
              }
            });
    writer.start();
    CliRunner.Result upgrade;
    try {
      Thread.sleep(200);
      upgrade = cli.run(db.cliArgs(), "upgrade", "head");
    } finally {
      writing.set(false);
      writer.join();
    }
    assertEquals(0, upgrade.exitCode(), upgrade.err());
    assertEquals(List.of(), failures, "the writer never failed");
    assertTrue(inserted.get() > 0);
    assertEquals(
        "t",
        db.queryOne(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_player_name'::regclass"));
    CliRunner.Result check = cli.run(db.cliArgs(), "check");
    assertEquals(0, check.exitCode(), check.out());
  }
}
