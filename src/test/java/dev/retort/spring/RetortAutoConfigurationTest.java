package dev.retort.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.spring.app.Customer;
import dev.retort.spring.app.ShopApplication;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The auto-configuration in a real Spring Boot application context: migrations applied before JPA
 * validates the schema (and a Java migration using a JdbcTemplate), pending migrations reported or
 * refusing start-up, and the health and info endpoints.
 */
@ExtendWith(PostgresExtension.class)
class RetortAutoConfigurationTest {

  @BeforeAll
  static void plainLogging() {
    // The build's own SLF4J binding is not Logback: let Boot leave logging alone.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
  }

  private static ConfigurableApplicationContext start(TestDatabase db, String... properties) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + db.url().jdbcUrl(),
                "spring.datasource.username=" + db.url().user(),
                "management.endpoint.health.show-details=always",
                "management.info.env.enabled=false"));
    if (db.url().password() != null) {
      all.add("spring.datasource.password=" + db.url().password());
    }
    all.addAll(List.of(properties));
    return new SpringApplicationBuilder(ShopApplication.class)
        .web(WebApplicationType.NONE)
        .properties(all.toArray(String[]::new))
        .run();
  }

  private static IndicatedHealthDescriptor health(ConfigurableApplicationContext context) {
    return (IndicatedHealthDescriptor)
        context.getBean(HealthEndpoint.class).healthForPath("retort");
  }

  @Test
  void autoUpgradeRunsBeforeJpaValidatesTheSchema(TestDatabase db) {
    try (ConfigurableApplicationContext context =
        start(db, "retort.auto-upgrade=true", "spring.jpa.hibernate.ddl-auto=validate")) {
      var entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
      List<Customer> customers =
          entityManager.createQuery("from Customer", Customer.class).getResultList();
      assertEquals(1, customers.size());
      assertEquals("Ada Lovelace", customers.get(0).getFullName());
      entityManager.close();

      IndicatedHealthDescriptor health = health(context);
      assertEquals("UP", health.getStatus().getCode());
      assertEquals(List.of("sb2"), health.getDetails().get("current"));
      assertEquals(0, health.getDetails().get("pending"));

      Info.Builder info = new Info.Builder();
      context.getBean(RetortInfoContributor.class).contribute(info);
      Map<String, Object> details = info.build().getDetails();
      assertTrue(details.get("retort").toString().contains("pending=0"), details.toString());
    }
    assertEquals("sb2", db.queryOne("SELECT version_num FROM retort_version"));
  }

  @Test
  void pendingMigrationsRefuseStartUpWhenAskedTo(TestDatabase db) {
    RuntimeException refused =
        assertThrows(
            RuntimeException.class,
            () -> start(db, "retort.fail-on-pending=true", "spring.jpa.hibernate.ddl-auto=none"));
    String message = rootMessage(refused);
    assertTrue(message.contains("2 pending migration(s): sb1, sb2"), message);
    assertTrue(message.contains("retort.auto-upgrade=true"), message);
  }

  @Test
  void pendingMigrationsAloneStartWithAWarningAndShowInHealth(TestDatabase db) {
    try (ConfigurableApplicationContext context = start(db, "spring.jpa.hibernate.ddl-auto=none")) {
      IndicatedHealthDescriptor health = health(context);
      assertEquals("UP", health.getStatus().getCode());
      assertEquals(2, health.getDetails().get("pending"));
      assertEquals(List.of("sb1", "sb2"), health.getDetails().get("pendingRevisions"));
    }
  }

  @Test
  void anEditedMigrationIsDown(TestDatabase db) {
    try (ConfigurableApplicationContext context =
        start(db, "retort.auto-upgrade=true", "spring.jpa.hibernate.ddl-auto=none")) {
      db.execute("UPDATE retort_version_history SET checksum = 'edited' WHERE version_num = 'sb1'");
      IndicatedHealthDescriptor health = health(context);
      assertEquals("DOWN", health.getStatus().getCode());
      assertTrue(
          health.getDetails().get("edited").toString().contains("migration sb1"),
          health.getDetails().toString());
    }
  }

  @Test
  void aDatabaseAheadOfTheApplicationStillStarts(TestDatabase db) {
    start(db, "retort.auto-upgrade=true", "spring.jpa.hibernate.ddl-auto=none").close();
    // A newer version of the application migrated further; this one is rolled back.
    db.execute("UPDATE retort_version SET version_num = 'sb9'");
    try (ConfigurableApplicationContext context =
        start(db, "retort.auto-upgrade=true", "spring.jpa.hibernate.ddl-auto=none")) {
      IndicatedHealthDescriptor health = health(context);
      assertEquals("UP", health.getStatus().getCode());
      assertEquals(List.of("sb9"), health.getDetails().get("ahead"));
      assertEquals(0, health.getDetails().get("pending"));
    }
    assertEquals("sb9", db.queryOne("SELECT version_num FROM retort_version"));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
