package dev.retort.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.entity.EntityFixture;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog reader ({@link CatalogReader}, plain JDBC) reads every database exactly as the
 * SchemaCrawler reader it replaced ({@link SchemaCrawlerCatalogReader}): equal models, record for
 * record, lists in the same order. The corpus: every scenario's database before, read live, read
 * again with its schemas renamed as scratch copies, and its entities' Hibernate DDL run in scratch
 * schemas as the canonicalizer runs it; the synthetic schema of {@code gen_schema.py 100 42}, as
 * loaded and as edited, and its entities; and a database made to exercise orders, names and options
 * the corpus has little of, read in several scopes.
 */
@ExtendWith(PostgresExtension.class)
class CatalogReadersAgreeTest {

  private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
  private static final Path GENERATOR =
      Files.exists(Path.of("../shared/bench/gen_schema.py"))
          ? Path.of("../shared/bench/gen_schema.py")
          : Path.of("src/test/resources/bench/gen_schema.py");
  private static final List<QualifiedName> BOOKKEEPING =
      Stream.of("retort_version", "retort_version_history", "retort_version_partial")
          .map(QualifiedName::of)
          .toList();

  @TempDir static Path generated;

  @BeforeAll
  static void generate() throws Exception {
    Process process =
        new ProcessBuilder("python3", GENERATOR.toString(), "100", "42", generated.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, output);
  }

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenarioDatabasesAndEntitiesReadAlike(String name, TestDatabase db) throws Exception {
    Path directory = SCENARIOS.resolve(name);
    Properties properties = properties(directory.resolve("scenario.properties"));
    assumeTrue(
        db.serverMajor() >= Integer.parseInt(properties.getProperty("postgres.minimum", "12")),
        "needs a newer server");
    List<String> schemas = List.of(properties.getProperty("schemas", "public").split(","));
    List<String> exclude = list(properties.getProperty("exclude", ""));
    CatalogScope scope = CatalogScope.live(schemas, BOOKKEEPING, List.of(), exclude);
    List<String> setup = new ArrayList<>();
    schemas.stream()
        .filter(s -> !s.equals("public"))
        .forEach(s -> setup.add("CREATE SCHEMA " + Identifiers.quote(s)));
    setup.add("SET search_path TO " + path(schemas));
    Path before = directory.resolve("before.sql");
    if (Files.exists(before) && !Files.readString(before).isBlank()) {
      setup.add(Files.readString(before));
    }
    db.execute(setup.toArray(String[]::new));

    assertReadAlike(db, scope, schemas);
    assertReadAlikeAsScratch(db, scope);

    Map<String, String> hibernate = new HashMap<>();
    properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("hibernate.") && !k.equals("hibernate.since"))
        .forEach(k -> hibernate.put(k, properties.getProperty(k)));
    EntityFixture entities = EntityFixture.of(directory.resolve("entities"), schemas, hibernate);
    assertEntitiesReadAlike(db, scope, entities.ddl(db.serverMajor()));
  }

  @Test
  void theSyntheticSchemaReadsAlike(TestDatabase db, TestDatabase edited) throws Exception {
    CatalogScope scope = CatalogScope.live(List.of("public"), BOOKKEEPING, List.of(), List.of());
    db.execute(Files.readString(generated.resolve("schema.sql")));
    edited.execute(Files.readString(generated.resolve("schema_edited.sql")));
    Schema read = assertReadAlike(db, scope, List.of("public"));
    assertEquals(100, read.tables().size(), "the generated tables");
    assertTrue(read.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum() > 100);
    assertTrue(read.tables().stream().mapToInt(t -> t.indexes().size()).sum() > 100);
    assertReadAlike(edited, scope, List.of("public"));
    assertReadAlikeAsScratch(db, scope);

    EntityFixture entities =
        EntityFixture.of(generated.resolve("jpa").resolve("base"), List.of("public"), Map.of());
    assertEntitiesReadAlike(db, scope, entities.ddl(db.serverMajor(), List.of("bench.model")));
  }

  /**
   * What the corpus has little of: several foreign keys, unique and check constraints and indexes
   * per table (reserved, mixed-case and quoted names, keys on the same columns, repeated index
   * columns; both readers list them by name), identity and sequence options, comments with white
   * space around them, generated columns, collations, partitions, inheritance, enum arrays, views;
   * read with and without the other schema, with include and exclude patterns.
   */
  @Test
  void namesOrdersAndOptionsReadAlike(TestDatabase db) throws Exception {
    boolean nullsNotDistinct = db.serverMajor() >= 15;
    db.execute(
        "CREATE SCHEMA \"Other\"",
        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
        "CREATE TYPE \"Other\".\"Level\" AS ENUM ('low', 'high')",
        "CREATE TABLE \"Other\".\"Target\" (id bigint PRIMARY KEY, \"Code\" text UNIQUE,"
            + " \"user\" int UNIQUE, lvl \"Other\".\"Level\" DEFAULT 'low')",
        "CREATE TABLE \"order\" (id bigint PRIMARY KEY, \"value\" int UNIQUE, b int UNIQUE,"
            + " \"Mixed\" int UNIQUE, pair_a int, pair_b int, UNIQUE (pair_a, pair_b))",
        "CREATE TABLE zebra (id bigint PRIMARY KEY, \"Zed\" int UNIQUE)",
        "CREATE TABLE hub ("
            + " id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 3"
            + " MINVALUE 5 MAXVALUE 1000 CACHE 4 CYCLE) PRIMARY KEY,"
            + " \"user\" bigint REFERENCES \"order\" (id),"
            + " a_id bigint REFERENCES \"order\" (id) ON DELETE SET NULL DEFERRABLE,"
            + " zed bigint REFERENCES \"Other\".\"Target\" (id) ON UPDATE CASCADE"
            + " DEFERRABLE INITIALLY DEFERRED,"
            + " \"Zed2\" bigint REFERENCES \"order\" (id) ON DELETE RESTRICT,"
            + " x int, y int, \"value\" int REFERENCES \"order\" (\"value\") ON DELETE SET DEFAULT,"
            + " pair_a int, pair_b int, moods mood[] DEFAULT '{ok}', m mood NOT NULL DEFAULT 'sad',"
            + " lvl \"Other\".\"Level\", note text COLLATE \"C\","
            + " twice int GENERATED ALWAYS AS (x * 2) STORED,"
            + " small smallint GENERATED ALWAYS AS IDENTITY,"
            + " CONSTRAINT hub_pair_fk FOREIGN KEY (pair_a, pair_b)"
            + " REFERENCES \"order\" (pair_a, pair_b) ON DELETE CASCADE,"
            + " CONSTRAINT \"Hub_x_zebra\" FOREIGN KEY (x) REFERENCES zebra (\"Zed\"),"
            + " CONSTRAINT hub_x_order FOREIGN KEY (x) REFERENCES \"order\" (b),"
            + " CONSTRAINT hub_x_other FOREIGN KEY (x) REFERENCES \"Other\".\"Target\" (\"user\"),"
            + " CONSTRAINT \"Bcheck\" CHECK (x > 0), CONSTRAINT acheck CHECK (y > 0) NOT VALID,"
            + " CONSTRAINT \"a-check2\" CHECK (x < 100), CONSTRAINT \"Z_in\" CHECK (note IN ('a', 'b')),"
            + " CONSTRAINT u_b UNIQUE (x, y), CONSTRAINT \"U_a\" UNIQUE (y),"
            + " CONSTRAINT \"uNote\" UNIQUE"
            + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "")
            + " (note))",
        "CREATE INDEX ix_b ON hub (x)",
        "CREATE UNIQUE INDEX ix_x_unique ON hub (x)",
        "CREATE INDEX \"IX_y\" ON hub (y)",
        "CREATE INDEX ix_lower ON hub (lower(note) DESC NULLS LAST)",
        "CREATE INDEX ix_xy ON hub (x, y)",
        "CREATE INDEX ix_yx ON hub (y, x)",
        "CREATE INDEX ix_xx ON hub (x, x)",
        "CREATE INDEX ix_partial ON hub (y DESC, x NULLS FIRST) INCLUDE (note, m) WHERE x > 0",
        "CREATE INDEX ix_pattern ON hub (note text_pattern_ops)",
        "CREATE INDEX ix_hash ON hub USING hash (note)",
        "CREATE INDEX ix_brin ON hub USING brin (id)",
        "CREATE INDEX ix_gin ON hub USING gin (moods)",
        "CREATE INDEX ix_expr2 ON hub ((x + y), (\"user\" * 2))",
        "COMMENT ON TABLE hub IS '  padded  '",
        "COMMENT ON COLUMN hub.x IS E'two\\nlines\\n'",
        "COMMENT ON COLUMN hub.y IS '   '",
        "CREATE SEQUENCE standalone AS integer START WITH 7 INCREMENT BY -2 MAXVALUE 100"
            + " MINVALUE -50 CACHE 3",
        "CREATE SEQUENCE \"Other\".owned START WITH 1",
        "ALTER SEQUENCE \"Other\".owned OWNED BY \"Other\".\"Target\".id",
        "CREATE TABLE serials (id serial PRIMARY KEY, big bigserial, note varchar(20) DEFAULT 'x')",
        "CREATE TABLE events (id bigint, at date NOT NULL, kind text, PRIMARY KEY (id, at))"
            + " PARTITION BY RANGE (at)",
        "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO"
            + " ('2027-01-01')",
        "CREATE INDEX ix_events_kind ON events (kind)",
        "CREATE TABLE event_refs (id bigint PRIMARY KEY, event_id bigint, event_at date,"
            + " FOREIGN KEY (event_id, event_at) REFERENCES events (id, at))",
        "CREATE TABLE parent_t (id int, CONSTRAINT parent_positive CHECK (id > 0))",
        "CREATE TABLE child_t (extra text) INHERITS (parent_t)",
        "CREATE VIEW v_hub AS SELECT id FROM hub",
        "CREATE MATERIALIZED VIEW mv_hub AS SELECT id FROM hub",
        "CREATE INDEX ix_mv ON mv_hub (id)",
        "CREATE TABLE retort_version (version_num varchar(64) PRIMARY KEY)",
        "CREATE TABLE legacy_things (id int)");
    List<String> both = List.of("public", "Other");
    assertReadAlike(db, CatalogScope.live(both, BOOKKEEPING, List.of(), List.of()), both);
    assertReadAlike(
        db, CatalogScope.live(List.of("public"), BOOKKEEPING, List.of(), List.of()), List.of());
    assertReadAlike(
        db,
        CatalogScope.live(List.of("Other", "public"), List.of(), List.of(), List.of("legacy_*")),
        List.of("Other", "public"));
    assertReadAlike(
        db,
        CatalogScope.live(both, BOOKKEEPING, List.of("hub", "Other.*", "event*"), List.of()),
        both);
    assertReadAlikeAsScratch(db, CatalogScope.live(both, BOOKKEEPING, List.of(), List.of()));
  }

  /** Reads with both readers, the search path set to {@code path} as the runtime sets it. */
  private static Schema assertReadAlike(TestDatabase db, CatalogScope scope, List<String> path)
      throws Exception {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      if (!path.isEmpty()) {
        statement.execute("SET search_path TO " + path(path));
      }
      return assertReadAlike(connection, scope);
    }
  }

  private static Schema assertReadAlike(Connection connection, CatalogScope scope) {
    Schema reference = new SchemaCrawlerCatalogReader(scope).read(connection);
    Schema read = new CatalogReader(scope).read(connection);
    assertSame(reference, read, scope.toString());
    return read;
  }

  /**
   * The same database read as scratch copies of its schemas: each schema renamed (inside a
   * transaction rolled back afterwards) and read with the scope of the schemas it stands for, so
   * model names and expressions are rewritten from the scratch names.
   */
  private static void assertReadAlikeAsScratch(TestDatabase db, CatalogScope scope)
      throws Exception {
    int live = assertReadAlike(db, scope, scope.databaseSchemas()).tables().size();
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      List<String> scratch = new ArrayList<>();
      for (int i = 0; i < scope.databaseSchemas().size(); i++) {
        String name = "retort_scratch_agree_" + i;
        statement.execute(
            "ALTER SCHEMA "
                + Identifiers.quote(scope.databaseSchemas().get(i))
                + " RENAME TO "
                + Identifiers.quote(name));
        scratch.add(name);
      }
      List<String> path = new ArrayList<>(scratch);
      path.add("public");
      statement.execute("SET LOCAL search_path TO " + path(path));
      try {
        assertEquals(
            live,
            assertReadAlike(connection, scope.onScratch(scratch)).tables().size(),
            "the same tables under the scratch names");
      } finally {
        connection.rollback();
      }
    }
  }

  /** The entity side: Hibernate's DDL run in scratch schemas, as the canonicalizer runs it. */
  private static void assertEntitiesReadAlike(TestDatabase db, CatalogScope scope, EntityDdl ddl)
      throws Exception {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      List<String> scratch = new ArrayList<>();
      for (int i = 0; i < ddl.schemas().size(); i++) {
        scratch.add("retort_scratch_entities_" + i);
        statement.execute("CREATE SCHEMA " + Identifiers.quote(scratch.get(i)));
      }
      List<String> path = new ArrayList<>(scratch);
      path.add("public");
      statement.execute("SET LOCAL search_path TO " + path(path));
      try {
        List<String> statements = ddl.statementsIn(scratch);
        if (!statements.isEmpty()) {
          statement.execute(String.join(";\n", statements));
        }
        int configured = scope.databaseSchemas().size();
        Schema read = assertReadAlike(connection, scope.onScratch(scratch.subList(0, configured)));
        assertTrue(statements.isEmpty() || !read.tables().isEmpty(), "the entities' tables");
      } finally {
        connection.rollback();
      }
    }
  }

  /**
   * Equal models; when not, the first table (or list) that differs is named before the whole
   * comparison fails, so a difference is readable.
   */
  private static void assertSame(Schema reference, Schema read, String scope) {
    Set<QualifiedName> names = new TreeSet<>();
    reference.tables().forEach(t -> names.add(t.name()));
    read.tables().forEach(t -> names.add(t.name()));
    for (QualifiedName name : names) {
      Table expected = reference.table(name).orElse(null);
      Table actual = read.table(name).orElse(null);
      if (expected == null || actual == null) {
        assertEquals(expected, actual, "table " + name + " in " + scope);
      }
      assertEquals(expected.columns(), actual.columns(), name + " columns in " + scope);
      assertEquals(expected.primaryKey(), actual.primaryKey(), name + " key in " + scope);
      assertEquals(expected.foreignKeys(), actual.foreignKeys(), name + " fks in " + scope);
      assertEquals(
          expected.uniqueConstraints(), actual.uniqueConstraints(), name + " uniques in " + scope);
      assertEquals(
          expected.checkConstraints(), actual.checkConstraints(), name + " checks in " + scope);
      assertEquals(expected.indexes(), actual.indexes(), name + " indexes in " + scope);
      assertEquals(expected, actual, name + " in " + scope);
    }
    assertEquals(reference.sequences(), read.sequences(), "sequences in " + scope);
    assertEquals(reference.enumTypes(), read.enumTypes(), "enum types in " + scope);
    assertEquals(reference.views(), read.views(), "views in " + scope);
    assertEquals(reference, read, scope);
  }

  private static String path(List<String> schemas) {
    return schemas.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
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

  private static List<String> list(String commaSeparated) {
    return commaSeparated.isBlank()
        ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
  }
}
