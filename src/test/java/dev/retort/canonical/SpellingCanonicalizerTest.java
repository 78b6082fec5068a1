package dev.retort.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.catalog.CatalogScope;
import dev.retort.entity.EntityFixture;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.shadow.ShadowServers;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.timing.PhaseTimer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways to the canonical entity model must agree exactly: every entity fixture, every
 * scenario's entities and the shared synthetic model, canonicalized through scratch tables (the
 * reference) and by spelling with probes, give equal schemas.
 */
@ExtendWith(PostgresExtension.class)
class SpellingCanonicalizerTest {

  private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
  private static final Path SHARED_GENERATOR = Path.of("../shared/bench/gen_schema.py");
  private static final Path GENERATOR =
      Files.exists(SHARED_GENERATOR)
          ? SHARED_GENERATOR
          : Path.of("src/test/resources/bench/gen_schema.py");

  @TestFactory
  Stream<DynamicTest> entityFixturesGiveTheSameModelBothWays(TestDatabase db) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> fixtures = Files.list(EntityFixture.ROOT)) {
      for (Path directory : fixtures.sorted().toList()) {
        EntityFixture fixture = EntityFixture.load(directory);
        tests.add(
            DynamicTest.dynamicTest(
                fixture.name(),
                () -> {
                  if (fixture.mappableByItsHibernate()) {
                    assertBothWaysEqual(fixture, db);
                  }
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> scenarioEntitiesGiveTheSameModelBothWays(TestDatabase db) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> scenarios = Files.list(SCENARIOS)) {
      for (Path directory : scenarios.sorted().toList()) {
        Path entities = directory.resolve("entities");
        if (!Files.isDirectory(entities)) {
          continue;
        }
        Properties properties = properties(directory.resolve("scenario.properties"));
        int minimum = Integer.parseInt(properties.getProperty("postgres.minimum", "12"));
        int since = Integer.parseInt(properties.getProperty("hibernate.since", "6"));
        Map<String, String> hibernate = new HashMap<>();
        properties.stringPropertyNames().stream()
            .filter(k -> k.startsWith("hibernate.") && !k.equals("hibernate.since"))
            .forEach(k -> hibernate.put(k, properties.getProperty(k)));
        List<String> schemas =
            Arrays.asList(properties.getProperty("schemas", "public").split(","));
        tests.add(
            DynamicTest.dynamicTest(
                directory.getFileName().toString(),
                () -> {
                  EntityFixture fixture =
                      EntityFixture.of(entities, List.of("fx"), schemas, hibernate);
                  if (db.serverMajor() >= minimum && hibernateMajor(fixture) >= since) {
                    assertBothWaysEqual(fixture, db);
                  }
                }));
      }
    }
    return tests.stream();
  }

  /**
   * The synthetic model (enums, defaults, checks, foreign keys, indexes of every kind Hibernate
   * writes for it), base and edited: equal both ways, and nearly every table spelled on this side
   * (else the comparison would prove nothing about the spelling).
   */
  @Test
  void theSyntheticModelIsSpelledAndEqual(TestDatabase db, @TempDir Path out) throws Exception {
    Process process =
        new ProcessBuilder("python3", GENERATOR.toString(), "60", "42", out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, log);
    for (String model : List.of("base", "edited")) {
      EntityFixture fixture =
          EntityFixture.of(
              out.resolve("jpa").resolve(model),
              List.of("bench.model"),
              List.of("public"),
              Map.of());
      SpellingCanonicalizer spelling = assertBothWaysEqual(fixture, db);
      SpellingCanonicalizer.Outcome outcome = spelling.lastOutcome();
      assertTrue(
          outcome.spelled() >= 58 && !outcome.fellBack(),
          model + ": the spelling side must spell the tables itself, but: " + outcome);
    }
  }

  private static SpellingCanonicalizer assertBothWaysEqual(EntityFixture fixture, TestDatabase db) {
    CatalogScope scope = fixture.scope();
    EntityDdl ddl = fixture.ddl(db.serverMajor());
    ScratchCanonicalizer scratch =
        ScratchCanonicalizer.onDatabase(
            db.url(),
            ShadowServers.factory(null, new PhaseTimer()),
            scope,
            w -> {},
            new PhaseTimer());
    Schema reference = scratch.canonicalize(ddl);
    SpellingCanonicalizer spelling = new SpellingCanonicalizer(scratch, scope, new PhaseTimer());
    Schema spelled = spelling.canonicalize(ddl);
    if (!reference.equals(spelled)) {
      fail(fixture.name() + ": " + difference(reference, spelled));
    }
    assertEquals(reference, spelled);
    return spelling;
  }

  /** The first table or list that differs, field by field, to read in the failure. */
  private static String difference(Schema reference, Schema spelled) {
    if (!reference.enumTypes().equals(spelled.enumTypes())) {
      return "enum types " + reference.enumTypes() + " vs " + spelled.enumTypes();
    }
    if (!reference.sequences().equals(spelled.sequences())) {
      return "sequences " + reference.sequences() + " vs " + spelled.sequences();
    }
    if (reference.tables().size() != spelled.tables().size()) {
      return "tables "
          + reference.tables().stream().map(Table::name).toList()
          + " vs "
          + spelled.tables().stream().map(Table::name).toList();
    }
    for (int i = 0; i < reference.tables().size(); i++) {
      Table a = reference.tables().get(i);
      Table b = spelled.tables().get(i);
      if (!a.equals(b)) {
        return a.name()
            + ":\n columns   "
            + diff(a.columns(), b.columns())
            + "\n key       "
            + a.primaryKey()
            + " vs "
            + b.primaryKey()
            + "\n fks       "
            + diff(a.foreignKeys(), b.foreignKeys())
            + "\n uniques   "
            + diff(a.uniqueConstraints(), b.uniqueConstraints())
            + "\n checks    "
            + diff(a.checkConstraints(), b.checkConstraints())
            + "\n indexes   "
            + diff(a.indexes(), b.indexes())
            + "\n comment   "
            + a.comment()
            + " vs "
            + b.comment()
            + "\n partition "
            + a.partitionKey()
            + " vs "
            + b.partitionKey();
      }
    }
    return "views " + reference.views() + " vs " + spelled.views();
  }

  private static String diff(List<?> a, List<?> b) {
    if (a.equals(b)) {
      return "equal";
    }
    List<Object> onlyA = new ArrayList<>(a);
    onlyA.removeAll(b);
    List<Object> onlyB = new ArrayList<>(b);
    onlyB.removeAll(a);
    return "reference only "
        + onlyA
        + "; spelled only "
        + onlyB
        + (onlyA.isEmpty() ? " (order: " + a + " vs " + b + ")" : "");
  }

  private static int hibernateMajor(EntityFixture fixture) {
    String version = fixture.hibernateRuntime().version();
    return Integer.parseInt(version.substring(0, version.indexOf('.')));
  }

  private static Properties properties(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }
}
