package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code entities --from-database} on the forms the workforce sample does not have: a serial key, a
 * second schema, an enum type whose name has an underscore, a check and a comment with quotes, a
 * partial and an expression index, an interval, an ALWAYS identity. Compiled and compared with the
 * database, what does not come back is exactly what the README says: the partial index (JPA cannot
 * declare its predicate), the interval (no Java type maps back to it) and the ALWAYS identity
 * (Hibernate writes BY DEFAULT); the expression index is not compared at all.
 */
@ExtendWith(PostgresExtension.class)
class EntitiesFromDatabaseTest {

  @TempDir Path project;

  @Test
  void whatComesBackAndWhatDoesNot(TestDatabase db) throws Exception {
    db.execute(
        "CREATE TYPE leave_kind AS ENUM ('SICK', 'HOLIDAY')",
        "CREATE SCHEMA archive",
        "CREATE TABLE people (id serial PRIMARY KEY, email varchar(200) NOT NULL,"
            + " kind leave_kind NOT NULL DEFAULT 'HOLIDAY', nickname text,"
            + " score numeric(5, 1) CHECK (score >= 0), pause interval,"
            + " CONSTRAINT people_email_key UNIQUE (email))",
        "COMMENT ON TABLE people IS 'Everyone, \"quoted\" and \\\\ escaped'",
        "COMMENT ON COLUMN people.nickname IS 'What friends say'",
        "CREATE INDEX people_nickname_idx ON people (nickname) WHERE nickname IS NOT NULL",
        "CREATE INDEX people_lower_email_idx ON people (lower(email))",
        "CREATE TABLE archive.old_people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " person_id integer REFERENCES people (id) ON DELETE CASCADE)");
    Files.writeString(
        project.resolve("retort.properties"),
        "schemas=public,archive\nentities.sources=src/main/java\n"
            + "entities.packages=com.example.model\nmigrations.dir=migrations\n"
            + "migrations.package=com.example.migrations\n");
    Files.createDirectories(project.resolve("migrations"));
    CliRunner cli = new CliRunner(project);
    CliRunner.Result generated =
        cli.run(db.cliArgs(), "entities", "--from-database", "--package", "com.example.model");
    assertEquals(0, generated.exitCode(), generated.toString());
    Path model = project.resolve("src/main/java/com/example/model");
    assertEquals(
        List.of("Leave_kind.java", "OldPeople.java", "People.java"), list(model), generated.out());
    String people = Files.readString(model.resolve("People.java"));
    for (String expected :
        List.of(
            "@UniqueConstraint(name = \"people_email_key\", columnNames = {\"email\"})",
            "comment = \"Everyone, \\\"quoted\\\" and \\\\\\\\ escaped\"",
            "@CheckConstraint(name = \"people_score_check\", constraint = \"((score >= (0)::numeric))\")",
            "@Id @GeneratedValue(strategy = IDENTITY)\n    @Column(name = \"id\")\n    public Integer getId()",
            "@ColumnDefault(\"'HOLIDAY'::leave_kind\")\n    public Leave_kind getKind()",
            "@Column(name = \"nickname\", columnDefinition = \"text\")\n    @Comment(\"What friends say\")",
            "@Column(name = \"score\", precision = 5, scale = 1)")) {
      assertTrue(people.contains(expected), expected + " in:\n" + people);
    }
    assertFalse(people.contains("lower("), "an expression index is not declared:\n" + people);
    assertFalse(people.contains("people_nickname_idx"), "nor a partial one:\n" + people);
    String oldPeople = Files.readString(model.resolve("OldPeople.java"));
    assertTrue(oldPeople.contains("schema = \"archive\""), oldPeople);
    assertTrue(
        oldPeople.contains(
            "@JoinColumn(name = \"person_id\")\n    @OnDelete(action = OnDeleteAction.CASCADE)\n"
                + "    public People getPerson()"),
        oldPeople);
    assertEquals(
        "public enum Leave_kind {\n    SICK,\n    HOLIDAY\n}\n",
        Files.readString(model.resolve("Leave_kind.java"))
            .substring(Files.readString(model.resolve("Leave_kind.java")).indexOf("public enum")));

    // Compiled and compared: exactly what the README lists as not coming back.
    CliRunner.Result check = cli.run(db.cliArgs(), "check");
    assertEquals(1, check.exitCode(), check.toString());
    assertEquals(
        List.of(
            "  removed index 'people_nickname_idx' on people (nickname)",
            "  changed column 'people.pause': type interval -> bytea",
            "  changed column 'archive.old_people.id': identity changed"),
        check.out().lines().filter(line -> line.matches("  (added|removed|changed) .*")).toList(),
        check.out());
    assertTrue(
        check
            .out()
            .contains(
                "index people_lower_email_idx on people (lower(email::text)) cannot be"
                    + " declared with JPA annotations"),
        check.out());
  }

  private static List<String> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
