package dev.retort.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.schema.EntityModel;
import dev.retort.schema.QualifiedName;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.timing.PhaseTimer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the entity side: one clear message, exit 2, nothing changed. */
@ExtendWith(PostgresExtension.class)
class EntityErrorsTest {

  private static final Path BAD = Path.of("src/test/resources/bad-entities");

  private static RetortException invalid(org.junit.jupiter.api.function.Executable action) {
    RetortException e = assertThrows(RetortException.class, action);
    assertEquals(ExitCode.INVALID_INPUT, e.exitCode(), e.getMessage());
    assertTrue(e.hint() != null && !e.hint().isBlank(), "has a hint");
    return e;
  }

  @Test
  void classpathEntryThatDoesNotExist() {
    RetortException e =
        invalid(() -> EntityClasspath.of(List.of(Path.of("/nowhere/target/classes"))));
    assertTrue(e.getMessage().contains("/nowhere/target/classes does not exist"), e.getMessage());
    assertTrue(e.hint().contains("mvn compile"), e.hint());
  }

  @Test
  void packageWithNoEntities() {
    EntityFixture fixture = EntityFixture.load(BAD.resolve("empty"));
    RetortException e = invalid(() -> fixture.applicationDdl());
    assertTrue(e.getMessage().startsWith("no @Entity classes in fx"), e.getMessage());
  }

  @Test
  void entityHibernateRejectsIsNamedWithHibernatesMessage() {
    EntityFixture fixture = EntityFixture.load(BAD.resolve("no_id"));
    RetortException e = invalid(() -> fixture.applicationDdl());
    assertTrue(e.getMessage().startsWith("Hibernate rejected the entity mapping:"), e.getMessage());
    assertTrue(e.getMessage().contains("fx.bad.Widget"), e.getMessage());
  }

  @Test
  void aClassMissingFromTheClasspathIsNamedAsSuchWithWhatNeedsIt(@TempDir Path classes)
      throws Exception {
    Path sources = Files.createDirectories(classes.resolve("src"));
    Files.createDirectories(sources.resolve("fx"));
    Files.createDirectories(sources.resolve("aspects"));
    Files.writeString(
        sources.resolve("aspects/Auditing.java"),
        "package aspects; public class Auditing { public void record(Object o) {} }");
    Files.writeString(
        sources.resolve("fx/AuditListener.java"),
        "package fx; public class AuditListener extends aspects.Auditing {"
            + " @jakarta.persistence.PrePersist public void before(Object o) { record(o); } }");
    Files.writeString(
        sources.resolve("fx/Order.java"),
        "package fx; import jakarta.persistence.*;"
            + " @Entity @Table(name = \"orders\") @EntityListeners(AuditListener.class)"
            + " public class Order { @Id Long id; }");
    Path out = Files.createDirectories(classes.resolve("out"));
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> args =
        new ArrayList<>(
            List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")));
    args.addAll(files);
    assertEquals(
        0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
    // The application was built with the aspect library; its jar is not on the classpath given.
    Files.delete(out.resolve("aspects/Auditing.class"));

    EntityClasspath classpath = EntityClasspath.of(List.of(out));
    RetortException e =
        invalid(
            () ->
                new HibernateEntityReader(new ClassGraphScanner(), new PhaseTimer())
                    .read(
                        new EntityRequest(
                            classpath, List.of("fx"), Map.of(), 17, List.of("public"))));
    assertEquals(
        "class aspects.Auditing is missing from the entities classpath; fx.AuditListener needs it"
            + " (used by entity fx.Order)",
        e.getMessage());
    assertTrue(
        e.hint().startsWith("the mapping is fine: add the jar holding aspects.Auditing"), e.hint());
  }

  @Test
  void ddlPostgresRejectsNamesTheEntityAndLeavesNothingBehind(TestDatabase db) {
    EntityFixture fixture = EntityFixture.load(BAD.resolve("reserved_word"));
    List<String> before = db.query("SELECT nspname FROM pg_namespace ORDER BY 1");
    RetortException e = invalid(() -> fixture.canonicalize(db));
    assertTrue(
        e.getMessage().contains("fails on PostgreSQL (from fx.bad.Order): ERROR: syntax error"),
        e.getMessage());
    assertTrue(e.hint().contains("auto_quote_keyword"), e.hint());
    assertEquals(before, db.query("SELECT nspname FROM pg_namespace ORDER BY 1"));
    assertEquals(
        List.of(),
        db.query(
            "SELECT pid FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() AND l.locktype = 'advisory'"));
  }

  @Test
  void schemaThatDoesNotExist(TestDatabase db) throws Exception {
    try (Connection connection = db.connect()) {
      RetortException e =
          invalid(
              () ->
                  new CatalogReader(
                          CatalogScope.live(
                              List.of("public", "nope"), List.of(), List.of(), List.of()))
                      .read(connection));
      assertEquals("schema nope does not exist in the database", e.getMessage());
      assertTrue(e.hint().contains("CREATE SCHEMA nope"), e.hint());
    }
  }

  @Test
  void noPrivilegeForScratchSchemasFallsBackToEmbeddedAndSaysSo(TestDatabase db) {
    db.execute(
        "CREATE ROLE retort_reader LOGIN",
        "GRANT CONNECT ON DATABASE " + db.name() + " TO retort_reader");
    try {
      EntityFixture fixture = EntityFixture.load("basic_types");
      DatabaseUrl limited = new DatabaseUrl(db.url().jdbcUrl(), "retort_reader", null);
      EntityModel model = fixture.canonicalize(limited, 17);
      assertTrue(model.schema().table(QualifiedName.of("everything")).isPresent());
      assertEquals(1, fixture.warnings.size(), fixture.warnings.toString());
      assertTrue(
          fixture
              .warnings
              .get(0)
              .startsWith("no privilege to create a scratch schema in retort_reader@"),
          fixture.warnings.get(0));
      assertTrue(
          fixture
              .warnings
              .get(0)
              .endsWith("canonicalizing the entity model on the embedded PostgreSQL instead"));
    } finally {
      db.execute("DROP OWNED BY retort_reader", "DROP ROLE retort_reader");
    }
  }
}
