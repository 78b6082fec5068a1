package dev.retort.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.config.RetortConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's settings take the place of the command line's flags: they win over {@code RETORT_*}
 * variables, which win over {@code retort.properties}; the entities' classpath is the build's.
 */
class PluginSettingsTest {

  @TempDir Path project;

  @Test
  void parametersWinOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
    Files.writeString(
        project.resolve("retort.properties"),
        """
        url=jdbc:postgresql://from-file:5432/app
        entities.packages=file.model
        migrations.package=file.migrations
        version_table=file_versions
        """);
    UpgradeMojo mojo = mojo();
    mojo.url = "jdbc:postgresql://from-plugin:5432/app";
    mojo.entitiesPackages = "plugin.model";

    RetortConfig config =
        mojo.config(
            Map.of(
                "RETORT_URL", "jdbc:postgresql://from-env:5432/app",
                "RETORT_MIGRATIONS_PACKAGE", "env.migrations"));

    assertEquals("jdbc:postgresql://from-plugin:5432/app", config.database().jdbcUrl());
    assertEquals("the command line", config.databaseSource());
    assertEquals(List.of("plugin.model"), config.entityPackages());
    assertEquals("env.migrations", config.migrationsPackage());
    assertEquals("file_versions", config.versionTable());
    assertEquals(project.resolve("migrations"), config.migrationsDir());
  }

  @Test
  void theEntitiesClasspathIsTheBuildsCompileThenRuntimeEntries() {
    UpgradeMojo mojo = mojo();
    Path classes = project.resolve("target/classes");
    Path api = project.resolve("repo/jakarta.persistence-api.jar");
    Path validator = project.resolve("repo/hibernate-validator.jar");
    mojo.compileClasspath = List.of(classes.toString(), api.toString());
    mojo.runtimeClasspath = List.of(classes.toString(), validator.toString());

    assertEquals(List.of(classes, api, validator), mojo.config(Map.of()).entityClasspath());
  }

  private UpgradeMojo mojo() {
    UpgradeMojo mojo = new UpgradeMojo();
    mojo.basedir = project.toFile();
    mojo.compileClasspath = List.of();
    mojo.runtimeClasspath = List.of();
    return mojo;
  }
}
