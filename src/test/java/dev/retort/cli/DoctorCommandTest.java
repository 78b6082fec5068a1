package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retort doctor} on the plain workforce sample and on a Spring Boot-shaped project, and what
 * discovery changes for {@code revision --autogenerate}: Boot's snake_case naming, the datasource
 * of the active profile's {@code application-dev.yml}, and the warning about an {@code @Entity}
 * outside {@code entities.packages}.
 */
@ExtendWith(PostgresExtension.class)
class DoctorCommandTest {

  @TempDir Path work;

  /** The output with the cache's size, which grows as runs fill it, as one word. */
  private static String sized(String out) {
    return out.replaceAll("(?m)^(  size: +)[0-9.]+ [km]B in [0-9]+ files?$", "$1SIZE");
  }

  @Test
  void thePlainSampleHasNoFrameworkNoDatabaseAndHibernatesNaming() {
    Path cache = work.resolve("cache");
    CliRunner cli =
        new CliRunner(Path.of("samples/workforce").toAbsolutePath())
            .env("RETORT_CACHE_DIR", cache.toString());
    CliRunner.Result doctor = cli.run("doctor");
    assertEquals(0, doctor.exitCode(), doctor.toString());
    String expected =
        String.join(
            "\n",
            "Project",
            "  build:           entities.sources, compiled by Retort",
            "  classpath:       1 entry: the classes compiled from entities.sources",
            "  framework:       none found (plain Hibernate)",
            "  settings files:  none",
            "  profile:         none active",
            "",
            "Entities",
            "  packages:        com.example.workforce.model",
            "  found:           10 entities in com.example.workforce.model",
            "  ignored:         none (no @Entity class of the project's own is outside entities.packages)",
            "  read by:         Hibernate ORM 7.4.6.Final (bundled with Retort)",
            "",
            "Mapping",
            "  physical naming: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl"
                + " (Hibernate default)",
            "  implicit naming: org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl"
                + " (Hibernate default)",
            "",
            "Database",
            "  url:             none configured (check and revision --autogenerate use an embedded PostgreSQL)",
            "",
            "Caches",
            "  location:        " + cache,
            "  size:            SIZE",
            "");
    assertEquals(expected, sized(doctor.out()));
    assertEquals(sized(doctor.out()), sized(cli.run("doctor").out()), "the same every run");

    CliRunner.Result json = cli.run("doctor", "--format", "json");
    assertEquals(0, json.exitCode(), json.toString());
    assertTrue(json.out().startsWith("{\n  \"project\": [\n    {\"label\": \"build\""), json.out());
    assertTrue(
        json.out().contains("{\"label\": \"found\", \"value\": \"10 entities in"), json.out());
  }

  @Test
  void aSpringBootShapedProjectIsReadAsBootReadsIt(TestDatabase db) throws Exception {
    Path project = bootShapedProject(db);
    String password = db.url().password() == null ? "" : db.url().password();
    CliRunner cli = new CliRunner(project).env("SHOP_DB_PASSWORD", password);

    CliRunner.Result doctor = cli.run("--profile", "dev", "doctor");
    assertEquals(0, doctor.exitCode(), doctor.toString());
    String out = doctor.out();
    String datasource = "src/main/resources/application-dev.yml (spring.datasource.url)";
    for (String line :
        new String[] {
          "  framework:       Spring Boot 4 (on the classpath)",
          "  settings files:  src/main/resources/application.yml,"
              + " src/main/resources/application-dev.yml",
          "  profile:         dev (from --profile)",
          "  found:           2 entities in com.example.shop.model",
          "  ignored:         1 @Entity outside entities.packages: com.example.shop.audit.AuditEntry",
          "  physical naming: org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"
              + " (Spring Boot 4 default)",
          "  implicit naming: org.springframework.boot.hibernate.SpringImplicitNamingStrategy"
              + " (Spring Boot 4 default)",
          "  hibernate.timezone.default_storage: NORMALIZE_UTC"
              + " (src/main/resources/application.yml"
              + " (spring.jpa.properties.hibernate.timezone.default_storage))",
          "  url:             " + db.url().display() + " (from " + datasource + ")",
        }) {
      assertTrue(out.contains(line + "\n"), line + "\n---\n" + out);
    }
    assertTrue(out.matches("(?s).*\n  server: +PostgreSQL [0-9.]+.*, reachable\n.*"), out);
    assertFalse(!password.isEmpty() && out.contains(password), out);

    // Boot's naming makes first_name columns; a second autogenerate finds them as they are.
    CliRunner.Result first =
        cli.run("--profile", "dev", "revision", "--autogenerate", "-m", "init");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(
        first
            .err()
            .contains(
                "warning: 1 @Entity class is outside entities.packages and not compared"
                    + " (com.example.shop.audit.AuditEntry); add its package to entities.packages to"
                    + " include it"),
        first.toString());
    assertEquals(0, cli.run("--profile", "dev", "upgrade").exitCode());
    assertEquals(
        "first_name,last_name,loyalty_points",
        String.join(
            ",",
            db.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name ="
                    + " 'shop_customer' AND column_name <> 'id' ORDER BY column_name")));
    CliRunner.Result again =
        cli.run("--profile", "dev", "revision", "--autogenerate", "-m", "nothing");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.toString().contains("No changes detected"), again.toString());

    CliRunner.Result check = cli.run("--profile", "dev", "check");
    assertEquals(0, check.exitCode(), check.toString());
  }

  /**
   * A project shaped like a Spring Boot 4 application: camelCase entity fields, an {@code
   * application.yml} whose datasource the {@code dev} profile's file replaces (with the password
   * from the environment), and an {@code @Entity} in a package Retort is not told about. Spring
   * Boot itself is not in the local Maven repository, so two stand-in classes carry the names
   * Retort recognizes it by; the implicit naming stand-in is Hibernate's JPA-compliant one, which
   * Boot's extends (only join tables differ, and these entities have none).
   */
  private Path bootShapedProject(TestDatabase db) throws Exception {
    Path project = Files.createDirectories(work.resolve("shop"));
    Path sources = project.resolve("src/main/java");
    write(
        sources.resolve("org/springframework/boot/SpringApplication.java"),
        "package org.springframework.boot;\npublic class SpringApplication {}\n");
    write(
        sources.resolve("org/springframework/boot/hibernate/SpringImplicitNamingStrategy.java"),
        "package org.springframework.boot.hibernate;\n"
            + "public class SpringImplicitNamingStrategy extends"
            + " org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl {}\n");
    write(
        sources.resolve("com/example/shop/model/ShopCustomer.java"),
        "package com.example.shop.model;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity public class ShopCustomer {\n"
            + "  @Id Long id;\n"
            + "  String firstName;\n"
            + "  String lastName;\n"
            + "  int loyaltyPoints;\n"
            + "}\n");
    write(
        sources.resolve("com/example/shop/model/PurchaseOrder.java"),
        "package com.example.shop.model;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity public class PurchaseOrder {\n"
            + "  @Id Long id;\n"
            + "  @ManyToOne ShopCustomer orderedBy;\n"
            + "  java.time.OffsetDateTime placedAt;\n"
            + "}\n");
    write(
        sources.resolve("com/example/shop/audit/AuditEntry.java"),
        "package com.example.shop.audit;\n"
            + "@jakarta.persistence.Entity public class AuditEntry {\n"
            + "  @jakarta.persistence.Id Long id;\n"
            + "}\n");
    Path resources = project.resolve("src/main/resources");
    write(
        resources.resolve("application.yml"),
        "spring:\n"
            + "  datasource:\n"
            + "    url:           jdbc:postgresql://nowhere.invalid:5432/shop\n"
            + "  jpa:\n"
            + "    hibernate:\n"
            + "      ddl-auto: validate\n"
            + "    properties:\n"
            + "      hibernate:\n"
            + "        timezone:\n"
            + "          default_storage: NORMALIZE_UTC\n");
    write(
        resources.resolve("application-dev.yml"),
        "spring:\n"
            + "  datasource:\n"
            + "    url:           "
            + db.url().jdbcUrl()
            + "\n"
            + "    username:      "
            + db.url().user()
            + "\n"
            + "    password:      ${SHOP_DB_PASSWORD}\n");
    write(
        project.resolve("retort.properties"),
        "entities.sources=src/main/java\n"
            + "entities.packages=com.example.shop.model\n"
            + "migrations.dir=migrations\n"
            + "migrations.package=migrations\n");
    Files.createDirectories(project.resolve("migrations"));
    return project;
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
