package dev.retort.maven;

import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import dev.retort.workspace.Workspace;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares. Settings resolve as on the command line, with the plugin's configuration
 * (and {@code -Dretort.*}) in the place of flags: they win over {@code RETORT_*} environment
 * variables, which win over {@code retort.properties} in the project's base directory (or {@code
 * configFile}). The entities' classpath is the project's own, from this build: no second Maven run.
 */
abstract class RetortMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** The project's classes and compile dependencies (provided ones included). */
  @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
  List<String> compileClasspath;

  /** The project's runtime dependencies too: a Bean Validation provider shapes the DDL. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
  List<String> runtimeClasspath;

  /** Retort's configuration file; default: {@code retort.properties} in the base directory. */
  @Parameter(property = "retort.configFile")
  File configFile;

  /** Database URL: {@code jdbc:postgresql://host:5432/db} or {@code postgres://user@host/db}. */
  @Parameter(property = "retort.url")
  String url;

  /** Database user. */
  @Parameter(property = "retort.user")
  String user;

  /**
   * Database password. {@code mvn -X} lists every plugin parameter as Maven read it, so prefer
   * {@code RETORT_PASSWORD}, {@code PGPASSWORD} or {@code ${VAR}} in {@code retort.properties}.
   */
  @Parameter(property = "retort.password")
  String password;

  /** Comma-separated schemas; the first is the default. */
  @Parameter(property = "retort.schemas")
  String schemas;

  /** Comma-separated package prefixes holding the entities. */
  @Parameter(property = "retort.entitiesPackages")
  String entitiesPackages;

  /** Directory of the migration classes, relative to the configuration's directory. */
  @Parameter(property = "retort.migrationsDir")
  String migrationsDir;

  /** Java package of the migration classes. */
  @Parameter(property = "retort.migrationsPackage")
  String migrationsPackage;

  /** Any other Retort setting, keyed as in {@code retort.properties} ({@code hibernate.*} too). */
  @Parameter Map<String, String> settings;

  /** Do nothing (a build that binds {@code check} can skip it). */
  @Parameter(property = "retort.skip", defaultValue = "false")
  boolean skip;

  private MavenOutput output;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Retort (retort.skip).");
      return;
    }
    LibraryLogging.quiet(getLog().isDebugEnabled());
    try {
      Map<String, String> environment = System.getenv();
      run(Workspace.of(config(environment), environment, new MavenReporter(output())));
    } catch (RuntimeException e) {
      MojoFailures.rethrow(e, output());
    }
  }

  /** The goal's work; a {@link RetortException} ends the build as {@link MojoFailures} says. */
  abstract void run(Workspace workspace) throws MojoFailureException;

  MavenOutput output() {
    if (output == null) {
      output = new MavenOutput(getLog());
    }
    return output;
  }

  /** The settings, resolved as the command line resolves them, with this build's as flags. */
  RetortConfig config(Map<String, String> environment) {
    RetortConfig config =
        new ConfigLoader(basedir.toPath(), environment)
            .load(configFile == null ? null : configFile.toPath(), overrides());
    ConfigLoader.describe(config).forEach((k, v) -> output().detail(k + ": " + v));
    return config;
  }

  /** The settings this build gives, keyed as in {@code retort.properties}. */
  Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (settings != null) {
      overrides.putAll(settings);
    }
    put(overrides, "url", url);
    put(overrides, "user", user);
    put(overrides, "password", password);
    put(overrides, "schemas", schemas);
    put(overrides, "entities.packages", entitiesPackages);
    put(overrides, "migrations.dir", migrationsDir);
    put(overrides, "migrations.package", migrationsPackage);
    overrides.put("entities.classpath", String.join(File.pathSeparator, classpath()));
    return overrides;
  }

  /** The project's classpath as its application sees it: compile entries, then runtime ones. */
  private Set<String> classpath() {
    Set<String> entries = new LinkedHashSet<>(compileClasspath);
    entries.addAll(runtimeClasspath);
    return entries;
  }

  private static void put(Map<String, String> overrides, String key, String value) {
    if (value != null && !value.isBlank()) {
      overrides.put(key, value);
    }
  }
}
