package dev.retort.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Spring Boot application passes to Hibernate without writing it down. */
class SpringBootSettingsTest {

  @TempDir Path project;

  private Path classpathWith(String... classes) throws Exception {
    Path root = Files.createDirectories(project.resolve("classpath"));
    for (String name : classes) {
      Path file = root.resolve(name.replace('.', '/') + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[0]);
    }
    return root;
  }

  @Test
  void noSpringBootNoSettings() throws Exception {
    assertEquals(Map.of(), SpringBootSettings.of(List.of(classpathWith("fx.Order")), project));
  }

  @Test
  void springBoot3NamesTablesInSnakeCaseAndJoinTablesAfterTheAttribute() throws Exception {
    Path classpath =
        classpathWith(
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");
    assertEquals(
        Map.of(
            "hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            "hibernate.implicit_naming_strategy",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy"),
        SpringBootSettings.of(List.of(classpath), project));
  }

  @Test
  void springBoot4AndWhatApplicationPropertiesPasses() throws Exception {
    Path classpath =
        classpathWith(
            "org.springframework.boot.SpringApplication",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.properties"),
        "spring.jpa.hibernate.naming.physical-strategy=com.acme.Naming\n"
            + "spring.jpa.properties.hibernate.timezone.default_storage=NORMALIZE_UTC\n"
            + "spring.jpa.properties.hibernate.default_schema=${SCHEMA}\n"
            + "spring.datasource.url=jdbc:postgresql://db/app\n");
    assertEquals(
        Map.of(
            "hibernate.physical_naming_strategy",
            "com.acme.Naming",
            "hibernate.implicit_naming_strategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
            "hibernate.timezone.default_storage",
            "NORMALIZE_UTC"),
        SpringBootSettings.of(List.of(classpath), project));
  }
}
