package dev.retort.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.schema.Column;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model as the application's own Hibernate sees it: read with the Hibernate on the
 * application's classpath (here 6.6, as Spring Boot 3.5 ships it), on the path its SessionFactory
 * takes ({@code ddl-auto=create}: Bean Validation constraints, then the column ordering strategy),
 * and equal, for every mapping fixture, to what that SessionFactory creates.
 */
@ExtendWith(PostgresExtension.class)
class ApplicationHibernateTest {

  private static final String HIBERNATE_6 = "hibernate-6.6";
  private static final String HIBERNATE_7_WITH_VALIDATOR = "hibernate-7-validator";

  static Stream<String> fixtures() throws IOException {
    return EntityFixpointTest.fixtures();
  }

  @Test
  void theApplicationsHibernateReadsTheEntitiesAndSaysSo() {
    EntityFixture bundled = EntityFixture.load("basic_types");
    assertTrue(bundled.hibernateRuntime().bundled());
    assertTrue(bundled.hibernateRuntime().version().startsWith("7."));
    assertNull(bundled.hibernateRuntime().notice(), "sources Retort compiled have no Hibernate");

    EntityFixture application = bundled.onApplication(HIBERNATE_6);
    HibernateRuntime runtime = application.hibernateRuntime();
    assertFalse(runtime.bundled());
    assertTrue(runtime.version().startsWith("6.6."), runtime.version());
    EntityDdl ddl = application.ddl(17);
    assertEquals("Hibernate ORM " + runtime.version() + " (the application's)", ddl.readBy());
    assertNull(ddl.notice());
  }

  @Test
  void versionsDifferWhereTheirMappingsDo(TestDatabase db) {
    EntityFixture fixture = EntityFixture.load("collections");
    QualifiedName nicknames = QualifiedName.of("member_nicknames");
    // Hibernate 7.4 makes (owner, element) of a Set<String> unique; 6.6 does not.
    Table seven = fixture.canonicalize(db).schema().table(nicknames).orElseThrow();
    Table six =
        fixture.onApplication(HIBERNATE_6).canonicalize(db).schema().table(nicknames).orElseThrow();
    assertEquals(1, seven.uniqueConstraints().size() + seven.indexes().size(), seven.toString());
    assertEquals(0, six.uniqueConstraints().size() + six.indexes().size(), six.toString());
  }

  /**
   * What the application's SessionFactory creates with Hibernate 6.6 is what Retort reads with it:
   * the same tables, columns in the same order, the same keys in the same order.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void onHibernate6TheModelIsWhatItsSessionFactoryCreates(String name, TestDatabase db) {
    EntityFixture fixture = EntityFixture.load(name).onApplication(HIBERNATE_6);
    assumeTrue(fixture.mappableByItsHibernate(), "uses what Hibernate 6 does not have");
    assumeTrue(fixture.hibernateBug() == null, fixture.hibernateBug());
    fixture.createByHibernate(db);
    Schema live = fixture.readLive(db);
    Schema model = fixture.canonicalize(db).schema();
    assertEquals(withSortedEnumValues(live), withSortedEnumValues(model));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applications")
  void beanValidationConstraintsBecomeDdlAsTheSessionFactoryMakesThem(
      String application, TestDatabase db) {
    EntityFixture fixture = EntityFixture.load("bean_validation").onApplication(application);
    fixture.createByHibernate(db);
    Schema live = fixture.readLive(db);
    Schema model = fixture.canonicalize(db).schema();
    assertEquals(live, model);

    Table member = model.table(QualifiedName.of("member")).orElseThrow();
    for (String notNull : List.of("handle", "displayname", "email")) {
      assertFalse(column(member, notNull).nullable(), notNull + " is NOT NULL");
    }
    assertTrue(column(member, "bio").nullable());
    assertEquals("character varying(40)", column(member, "nickname").type().toString());
    assertEquals("numeric(8,2)", column(member, "balance").type().toString());
    String checks = member.checkConstraints().toString();
    assertTrue(checks.contains("age >= 18") && checks.contains("age <= 130"), checks);
  }

  static Stream<String> applications() {
    return Stream.of(HIBERNATE_6, HIBERNATE_7_WITH_VALIDATOR);
  }

  @Test
  void validationModeNoneLeavesTheDdlAlone(TestDatabase db) {
    EntityFixture fixture =
        EntityFixture.load("bean_validation")
            .onApplication(HIBERNATE_7_WITH_VALIDATOR)
            .withSettings(Map.of("jakarta.persistence.validation.mode", "none"));
    Table member =
        fixture.canonicalize(db).schema().table(QualifiedName.of("member")).orElseThrow();
    assertTrue(column(member, "handle").nullable());
    assertEquals("character varying(255)", column(member, "nickname").type().toString());
  }

  private static Column column(Table table, String name) {
    return table.columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + table));
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
