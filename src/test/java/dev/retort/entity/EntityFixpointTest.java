package dev.retort.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.schema.EntityModel;
import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property that makes "no changes detected" trustworthy: for every mapping feature, a database
 * created from Hibernate's DDL reads back exactly as the entity model canonicalizes, and
 * canonicalizing leaves nothing behind.
 */
@ExtendWith(PostgresExtension.class)
class EntityFixpointTest {

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(EntityFixture.ROOT)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void databaseFromHibernateDdlEqualsCanonicalEntityModel(String name, TestDatabase db) {
    EntityFixture fixture = EntityFixture.load(name);
    fixture.createIn(db);
    List<String> schemasBefore = db.query("SELECT nspname FROM pg_namespace ORDER BY 1");
    Schema live = fixture.readLive(db);
    EntityModel model = fixture.canonicalize(db);
    assertEquals(live, model.schema());
    assertEquals(
        schemasBefore,
        db.query("SELECT nspname FROM pg_namespace ORDER BY 1"),
        "no scratch schema left behind");
    assertEquals(
        List.of(),
        db.query(
            "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE nspname LIKE 'retort_scratch%'"));
  }

  /**
   * The same property against a database Hibernate created itself, so that Retort's corrections of
   * Hibernate's DDL cannot hide a difference by being applied to both sides. Where Hibernate's own
   * DDL differs on purpose (named enum values sorted alphabetically instead of in declaration
   * order), only that difference may remain. Where Hibernate cannot create the schema at all (a
   * known bug the fixture names, which Retort's corrections fix), that failure is asserted: when
   * Hibernate fixes it, this test says so.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void databaseCreatedByHibernateItselfEqualsCanonicalEntityModel(String name, TestDatabase db) {
    EntityFixture fixture = EntityFixture.load(name);
    if (fixture.hibernateBug() != null) {
      RuntimeException failure =
          org.junit.jupiter.api.Assertions.assertThrows(
              RuntimeException.class, () -> fixture.createByHibernate(db));
      org.junit.jupiter.api.Assertions.assertTrue(
          String.valueOf(failure.getMessage()).contains("Error executing DDL"),
          fixture.hibernateBug() + ": " + failure);
      return;
    }
    fixture.createByHibernate(db);
    Schema live = fixture.readLive(db);
    Schema model = fixture.canonicalize(db).schema();
    assertEquals(withSortedEnumValues(live), withSortedEnumValues(model));
  }

  private static Schema withSortedEnumValues(Schema schema) {
    return new Schema(
        schema.tables(),
        schema.sequences(),
        schema.enumTypes().stream()
            .map(t -> new EnumType(t.name(), t.values().stream().sorted().toList()))
            .toList(),
        schema.views());
  }
}
