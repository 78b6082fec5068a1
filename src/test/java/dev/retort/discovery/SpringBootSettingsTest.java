package dev.retort.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spring Boot or Quarkus application passes to Hibernate without writing it down, and what
 * its settings files add; Retort's own settings win.
 */
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

  private ApplicationSettings application(String file, String content) throws Exception {
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(resources.resolve(file), content);
    return ApplicationSettings.read(
        List.of(new ApplicationSettings.Location(resources, "src/main/resources")), null, Map.of());
  }

  private static Map<String, String> mapping(
      Framework framework, ApplicationSettings application, Map<String, String> retort) {
    return MappingSettings.of(framework, application, retort, "retort.properties").values();
  }

  @Test
  void noFrameworkNoSettings() throws Exception {
    Framework framework = Framework.on(List.of(classpathWith("fx.Order")));
    assertEquals(Framework.NONE, framework);
    ApplicationSettings application =
        application("application.properties", "spring.jpa.properties.hibernate.x=1\n");
    assertEquals(Map.of(), mapping(framework, application, Map.of()));
  }

  @Test
  void springBoot3NamesTablesInSnakeCaseAndJoinTablesAfterTheAttribute() throws Exception {
    Framework framework =
        Framework.on(
            List.of(
                classpathWith(
                    "org.springframework.boot.SpringApplication",
                    "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy")));
    assertEquals(Framework.SPRING_BOOT_3, framework);
    assertEquals(
        Map.of(
            "hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            "hibernate.implicit_naming_strategy",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy"),
        mapping(framework, ApplicationSettings.NONE, Map.of()));
  }

  @Test
  void springBoot4AndWhatApplicationPropertiesPasses() throws Exception {
    Framework framework =
        Framework.on(
            List.of(
                classpathWith(
                    "org.springframework.boot.SpringApplication",
                    "org.springframework.boot.hibernate.SpringImplicitNamingStrategy")));
    assertEquals(Framework.SPRING_BOOT_4, framework);
    ApplicationSettings application =
        application(
            "application.properties",
            "spring.jpa.hibernate.naming.physical-strategy=com.acme.Naming\n"
                + "spring.jpa.hibernate.ddl-auto=update\n"
                + "spring.jpa.properties.hibernate.timezone.default_storage=NORMALIZE_UTC\n"
                + "spring.jpa.properties.hibernate.default_schema=${SCHEMA}\n"
                + "spring.datasource.url=jdbc:postgresql://db/app\n");
    MappingSettings settings =
        MappingSettings.of(
            framework, application, Map.of("hibernate.type.x", "y"), "retort.properties");
    assertEquals(
        Map.of(
            "hibernate.physical_naming_strategy",
            "com.acme.Naming",
            "hibernate.implicit_naming_strategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
            "hibernate.timezone.default_storage",
            "NORMALIZE_UTC",
            "hibernate.type.x",
            "y"),
        settings.values());
    assertEquals(
        new MappingSettings.Sourced(
            "com.acme.Naming",
            "src/main/resources/application.properties"
                + " (spring.jpa.hibernate.naming.physical-strategy)"),
        settings.all().get(MappingSettings.PHYSICAL));
    assertEquals("Spring Boot 4 default", settings.all().get(MappingSettings.IMPLICIT).source());
    assertEquals(
        Map.of("spring.jpa.properties.hibernate.default_schema", "${SCHEMA}"),
        application.unresolved());
  }

  @Test
  void nestedYamlAndRetortSettingsWin() throws Exception {
    ApplicationSettings application =
        application(
            "application.yml",
            "spring:\n"
                + "  jpa:\n"
                + "    properties:\n"
                + "      hibernate:\n"
                + "        default_schema: app\n"
                + "        '[globally_quoted_identifiers]': true\n"
                + "    hibernate:\n"
                + "      naming:\n"
                + "        implicit-strategy: com.acme.Implicit\n");
    assertEquals(
        Map.of(
            "hibernate.physical_naming_strategy",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            "hibernate.implicit_naming_strategy",
            "com.acme.Mine",
            "hibernate.default_schema",
            "app",
            "hibernate.globally_quoted_identifiers",
            "true"),
        mapping(
            Framework.SPRING_BOOT_3,
            application,
            Map.of("hibernate.implicit_naming_strategy", "com.acme.Mine")));
  }

  @Test
  void quarkusKeepsHibernateNamingAndTranslatesItsOwnKeys() throws Exception {
    Framework framework = Framework.on(List.of(classpathWith("io.quarkus.runtime.Quarkus")));
    assertEquals(Framework.QUARKUS, framework);
    ApplicationSettings application =
        application(
            "application.properties",
            "quarkus.hibernate-orm.database.default-schema=inventory\n"
                + "quarkus.hibernate-orm.mapping.timezone.default-storage=normalize-utc\n"
                + "quarkus.hibernate-orm.quote-identifiers.strategy=only-keywords\n"
                + "quarkus.hibernate-orm.unsupported-properties.\"hibernate.order_updates\"=true\n"
                + "quarkus.hibernate-orm.log.sql=true\n"
                + "spring.jpa.properties.hibernate.default_schema=not_quarkus\n");
    MappingSettings settings =
        MappingSettings.of(framework, application, Map.of(), "retort.properties");
    assertEquals(
        Map.of(
            "hibernate.default_schema",
            "inventory",
            "hibernate.timezone.default_storage",
            "NORMALIZE_UTC",
            "hibernate.auto_quote_keyword",
            "true",
            "hibernate.order_updates",
            "true"),
        settings.values());
    assertEquals(
        new MappingSettings.Sourced(
            "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
            "Hibernate default, which Quarkus keeps"),
        settings.naming(MappingSettings.PHYSICAL, framework));
  }
}
