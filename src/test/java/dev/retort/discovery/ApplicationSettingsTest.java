package dev.retort.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an application's settings files merge: files, documents, profiles and placeholders. */
class ApplicationSettingsTest {

  @TempDir Path project;

  private Path resources() throws Exception {
    return Files.createDirectories(project.resolve("src/main/resources"));
  }

  private Path classes() throws Exception {
    return Files.createDirectories(project.resolve("target/classes"));
  }

  private void write(Path directory, String file, String content) throws Exception {
    Files.writeString(directory.resolve(file), content);
  }

  private ApplicationSettings read(
      ApplicationSettings.ProfileChoice chosen, Map<String, String> env) throws Exception {
    return ApplicationSettings.read(
        List.of(
            new ApplicationSettings.Location(classes(), "target/classes"),
            new ApplicationSettings.Location(resources(), "src/main/resources")),
        chosen,
        env);
  }

  @Test
  void noFilesNothingRead() throws Exception {
    assertEquals(ApplicationSettings.NONE, read(null, Map.of()));
  }

  @Test
  void propertiesBeatYamlAndTheSourceBeatsTheCompiledCopy() throws Exception {
    write(resources(), "application.yml", "a: yml\nb: yml\nc:\n  d: [x, y]\n");
    write(resources(), "application.properties", "a=properties\n");
    write(classes(), "application.yml", "b: stale\ne: compiled\n");
    ApplicationSettings settings = read(null, Map.of());
    assertEquals("properties", settings.value("a"));
    assertEquals("src/main/resources/application.properties (a)", settings.source("a"));
    assertEquals("yml", settings.value("b"));
    assertEquals("compiled", settings.value("e"));
    assertEquals("x,y", settings.value("c.d"));
    assertEquals("y", settings.value("c.d[1]"));
    assertEquals(
        List.of(
            "target/classes/application.yml",
            "src/main/resources/application.yml",
            "src/main/resources/application.properties"),
        settings.files());
    assertEquals(List.of(), settings.profiles());
    assertNull(settings.profileSource());
  }

  @Test
  void theActiveProfileComesFromTheFileTheEnvironmentOrRetort() throws Exception {
    write(resources(), "application.yml", "spring:\n  profiles:\n    active: dev\nurl: plain\n");
    write(resources(), "application-dev.yml", "url: dev\n");
    write(resources(), "application-ci.properties", "url=ci\n");

    ApplicationSettings fromFile = read(null, Map.of());
    assertEquals("dev", fromFile.value("url"));
    assertEquals(List.of("dev"), fromFile.profiles());
    assertEquals(
        "src/main/resources/application.yml (spring.profiles.active)", fromFile.profileSource());

    ApplicationSettings fromEnvironment = read(null, Map.of("SPRING_PROFILES_ACTIVE", "ci"));
    assertEquals("ci", fromEnvironment.value("url"));
    assertEquals("SPRING_PROFILES_ACTIVE", fromEnvironment.profileSource());

    ApplicationSettings chosen =
        read(
            new ApplicationSettings.ProfileChoice("dev,ci", "--profile"),
            Map.of("SPRING_PROFILES_ACTIVE", "dev"));
    assertEquals("ci", chosen.value("url"), "the last profile wins");
    assertEquals("--profile", chosen.profileSource());

    ApplicationSettings unknown =
        read(new ApplicationSettings.ProfileChoice("nowhere", "--profile"), Map.of());
    assertEquals("plain", unknown.value("url"), "a profile without a file is no error");
  }

  @Test
  void yamlDocumentsApplyWhenTheirProfileIsActive() throws Exception {
    write(
        resources(),
        "application.yml",
        "url: base\nname: base\n"
            + "---\nspring.config.activate.on-profile: dev\nurl: dev\n"
            + "---\nspring:\n  config:\n    activate:\n      on-profile: \"!dev\"\nname: not-dev\n"
            + "---\nspring.config.activate.on-profile: prod | staging\nurl: shared\n"
            + "---\nspring.config.activate.on-profile: dev & eu\nname: dev-eu\n");
    assertEquals("base", read(null, Map.of()).value("url"));
    assertEquals("not-dev", read(null, Map.of()).value("name"));
    ApplicationSettings dev =
        read(new ApplicationSettings.ProfileChoice("dev", "--profile"), Map.of());
    assertEquals("dev", dev.value("url"));
    assertEquals("base", dev.value("name"));
    assertFalse(dev.settings().containsKey(SettingsFile.ON_PROFILE));
    assertEquals(
        "shared",
        read(new ApplicationSettings.ProfileChoice("staging", "--profile"), Map.of()).value("url"));
    assertEquals(
        "dev-eu",
        read(new ApplicationSettings.ProfileChoice("dev,eu", "--profile"), Map.of()).value("name"));
  }

  @Test
  void quarkusProfileKeysWinInTheirProfile() throws Exception {
    write(
        resources(),
        "application.properties",
        "%dev.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/dev\n"
            + "quarkus.datasource.jdbc.url=jdbc:postgresql://db/prod\n");
    assertEquals(
        "jdbc:postgresql://db/prod", read(null, Map.of()).value("quarkus.datasource.jdbc.url"));
    assertEquals(
        "jdbc:postgresql://localhost/dev",
        read(null, Map.of("QUARKUS_PROFILE", "dev")).value("quarkus.datasource.jdbc.url"));
  }

  @Test
  void placeholdersResolveFromTheEnvironmentThenTheSettings() throws Exception {
    write(
        resources(),
        "application.yml",
        "db:\n  host: localhost\n"
            + "spring:\n  datasource:\n"
            + "    url: jdbc:postgresql://${db.host}:${DB_PORT:5432}/${DB_NAME:${app.name:shop}}\n"
            + "    username: ${DB_USER}\n"
            + "    password: ${DB_PASSWORD:}\n"
            + "loop: ${loop}\n");
    ApplicationSettings defaults = read(null, Map.of());
    assertEquals("jdbc:postgresql://localhost:5432/shop", defaults.value("spring.datasource.url"));
    assertEquals("", defaults.value("spring.datasource.password"));
    assertNull(defaults.value("spring.datasource.username"));
    assertEquals(
        Map.of("spring.datasource.username", "${DB_USER}", "loop", "${loop}"),
        defaults.unresolved());

    ApplicationSettings environment =
        read(null, Map.of("DB_HOST", "db.internal", "DB_PORT", "6432", "DB_USER", "shop"));
    assertEquals(
        "jdbc:postgresql://db.internal:6432/shop", environment.value("spring.datasource.url"));
    assertEquals("shop", environment.value("spring.datasource.username"));
  }

  @Test
  void theEnvironmentReplacesTheDatasourceAsSpringBootLetsIt() throws Exception {
    write(
        resources(), "application.properties", "spring.datasource.url=jdbc:postgresql://file/x\n");
    ApplicationSettings settings =
        read(null, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://env/x", "OTHER", "y"));
    assertEquals("jdbc:postgresql://env/x", settings.value("spring.datasource.url"));
    assertEquals(
        "SPRING_DATASOURCE_URL (spring.datasource.url)", settings.source("spring.datasource.url"));
  }

  @Test
  void brokenYamlIsOneLineWithTheFileAndLine() throws Exception {
    write(resources(), "application.yml", "spring:\n  datasource:\n    url: [unclosed\n");
    RetortException e = assertThrows(RetortException.class, () -> read(null, Map.of()));
    assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
    assertTrue(
        e.getMessage().startsWith("cannot read src/main/resources/application.yml: "),
        e.getMessage());
    assertTrue(e.getMessage().contains(" at line "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void activationExpressions() {
    assertTrue(ApplicationSettings.activated(null, List.of()));
    assertTrue(ApplicationSettings.activated("a, b", List.of("b")));
    assertFalse(ApplicationSettings.activated("a & b", List.of("b")));
    assertTrue(ApplicationSettings.activated("!a", List.of("b")));
    assertFalse(ApplicationSettings.activated("!a", List.of("a")));
  }
}
