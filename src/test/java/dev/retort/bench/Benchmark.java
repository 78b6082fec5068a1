package dev.retort.bench;

import dev.retort.config.DatabaseUrl;
import dev.retort.runtime.Connections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Retort's benchmark: whole-process timings of what users run, on the shared synthetic schemas
 * ({@code gen_schema.py N 42}), with medians over several runs, SQL statements counted by the
 * server ({@code pg_stat_statements}), and phase timings from {@code -v}. Prints one table and
 * writes a CSV so two runs can be compared.
 *
 * <p>Run with {@code mvn -Pbench -DskipTests verify} (sizes and runs via {@code -Dbench.sizes=10,100}
 * and {@code -Dbench.runs=5}). Never part of the test suite: timings belong here, not in tests.
 */
public final class Benchmark {

  private final Path launcher;
  private final Path generator;
  private final Path work;
  private final int runs;
  private final List<Row> rows = new ArrayList<>();
  private EmbeddedPostgres postgres;

  /** One measured thing. */
  record Row(int n, String what, double medianMs, double minMs, long statements, String note) {}

  Benchmark(Path launcher, Path generator, Path work, int runs) {
    this.launcher = launcher;
    this.generator = generator;
    this.work = work;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(System.getProperty("bench.launcher", "target/retort")).toAbsolutePath();
    Path generator = Path.of(System.getProperty("bench.generator", "../shared/bench/gen_schema.py")).toAbsolutePath();
    Path work = Path.of(System.getProperty("bench.work", "target/bench")).toAbsolutePath();
    int runs = Integer.getInteger("bench.runs", 5);
    List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10,100,500,1000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    Benchmark benchmark = new Benchmark(launcher, generator, work, runs);
    benchmark.run(sizes, Boolean.parseBoolean(System.getProperty("bench.migrations", "true")));
  }

  void run(List<Integer> sizes, boolean migrations) throws Exception {
    Files.createDirectories(work);
    postgres = EmbeddedPostgres.builder()
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    String server;
    try {
      server = serverVersion();
      measureJvmStart();
      for (int n : sizes) {
        measureSchema(n);
      }
      if (migrations) {
        measureUpgrade(200);
      }
    } finally {
      postgres.close();
    }
    report(server);
  }

  private void measureJvmStart() throws Exception {
    Path dir = Files.createDirectories(work.resolve("jvm"));
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      times.add(time(dir, Map.of(), "--version").millis);
    }
    add(0, "JVM start (retort --version)", times, -1, "");
  }

  private void measureSchema(int n) throws Exception {
    Path schema = generate(n);
    String database = "bench_" + n;
    createDatabase(database, Files.readString(schema.resolve("schema.sql")));
    Path project = Files.createDirectories(work.resolve("project-" + n));
    Map<String, String> base = config(database, schema.resolve("jpa/base"));
    Map<String, String> edited = config(database, schema.resolve("jpa/edited"));
    // Entities come compiled in a real project: compile both models once (the compile cache is
    // kept apart from the model caches the rows below control).
    Path compiled = work.resolve("compiled");
    time(project, base, Map.of("RETORT_CACHE_DIR", compiled.toString()), "check");
    time(project, edited, Map.of("RETORT_CACHE_DIR", compiled.toString()), "check");

    Measured first = repeat(project, base, database, () -> freshCache(compiled, null), "check", "-v");
    expect(first, "in sync");
    add(n, "check, first run (nothing cached)", first.times(), first.statements(), first.phases());

    Path warm = freshCache(compiled, null);
    time(project, base, Map.of("RETORT_CACHE_DIR", warm.toString()), "check");

    Measured unchanged = repeat(project, base, database, () -> warm, "revision", "--autogenerate", "-m", "no change", "-v");
    expect(unchanged, "No changes detected");
    add(n, "autogenerate, unchanged model", unchanged.times(), unchanged.statements(), unchanged.phases());

    // What a user meets right after editing entities: what the base model cached, nothing more.
    Measured changed = repeat(project, edited, database, () -> freshCache(compiled, warm), "revision", "--autogenerate", "-m",
        "edits", "--rev-id", "benchedit", "-v");
    expect(changed, "Generated ");
    add(n, "autogenerate, edited model (first run after the edit)", changed.times(), changed.statements(), changed.phases());

    Measured check = repeat(project, base, database, () -> warm, "check", "-v");
    expect(check, "in sync");
    add(n, "check", check.times(), check.statements(), check.phases());

    Measured embedded = repeat(project, withoutDatabase(base), null, () -> warm, "check", "-v");
    add(n, "check, no database (embedded)", embedded.times(), -1, embedded.phases());
  }

  /**
   * A cache directory holding the compiled entities and, when given, a copy of another cache's
   * models and catalogs.
   */
  private Path freshCache(Path compiled, Path models) {
    try {
      Path cache = Files.createTempDirectory(work, "cache-");
      copy(compiled.resolve("entities"), cache.resolve("entities"));
      if (models != null) {
        copy(models.resolve("models"), cache.resolve("models"));
        copy(models.resolve("catalogs"), cache.resolve("catalogs"));
      }
      return cache;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private Map<String, String> withoutDatabase(Map<String, String> config) {
    Map<String, String> copy = new LinkedHashMap<>(config);
    copy.remove("url");
    copy.remove("user");
    return copy;
  }

  private void measureUpgrade(int count) throws Exception {
    Path project = Files.createDirectories(work.resolve("upgrade-" + count));
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    for (int i = 1; i <= count; i++) {
      String id = String.format(Locale.ROOT, "r%04d", i);
      String parent = i == 1 ? "" : String.format(Locale.ROOT, "\"r%04d\"", i - 1);
      Files.writeString(migrations.resolve(String.format(Locale.ROOT, "M%04d.java", i)),
          "package bench.migrations;\n\nimport static dev.retort.migration.Dsl.*;\nimport dev.retort.migration.*;\n\n"
              + "@Revision(id = \"" + id + "\", revises = {" + parent + "}, message = \"step " + i + "\")\n"
              + "public final class M" + String.format(Locale.ROOT, "%04d", i) + " implements Migration {\n"
              + "  public void upgrade(Operations op) {\n"
              + "    op.createTable(\"t" + i + "\", column(\"id\", bigint()).withIdentity(identity()), column(\"name\", text()),"
              + " primaryKey(\"t" + i + "_pkey\", \"id\"));\n"
              + "    op.addColumn(\"t" + i + "\", column(\"created_at\", timestamptz()).notNull().withDefault(\"now()\"));\n"
              + "  }\n  public void downgrade(Operations op) { op.dropTable(\"t" + i + "\"); }\n}\n");
    }
    List<Double> cold = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Path cache = project.resolve("cache-" + run);
      String database = "upgrade_" + run;
      for (List<Double> times : List.of(cold, warm)) {
        createDatabase(database, "");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", url(database).jdbcUrl());
        config.put("user", "postgres");
        config.put("migrations.dir", "migrations");
        config.put("migrations.package", "bench.migrations");
        Timed timed = time(project, config, Map.of("RETORT_CACHE_DIR", cache.toString()), "upgrade");
        expectExit(timed, "upgrade");
        times.add(timed.millis);
      }
    }
    add(0, "upgrade head, " + count + " migrations, cold compile cache", cold, -1, "");
    add(0, "upgrade head, " + count + " migrations, warm compile cache", warm, -1, "");
  }

  private Path generate(int n) throws Exception {
    Path out = work.resolve("schema-" + n);
    if (!Files.exists(out.resolve("edits.json"))) {
      Process process = new ProcessBuilder("python3", generator.toString(), String.valueOf(n), "42", out.toString())
          .redirectErrorStream(true).start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("gen_schema.py failed: " + log);
      }
    }
    return out;
  }

  private DatabaseUrl url(String database) {
    return new DatabaseUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", null);
  }

  private void createDatabase(String name, String sql) throws SQLException {
    try (Connection connection = Connections.open(url("postgres")); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    }
    try (Connection connection = Connections.open(url(name)); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      if (!sql.isBlank()) {
        statement.execute(sql);
      }
    }
  }

  private Map<String, String> config(String database, Path entities) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("url", url(database).jdbcUrl());
    config.put("user", "postgres");
    config.put("entities.sources", entities.toString());
    config.put("entities.packages", "bench.model");
    config.put("migrations.dir", "migrations");
    config.put("migrations.package", "bench.migrations");
    return config;
  }

  record Timed(double millis, int exit, String out, String err) {}

  record Measured(List<Double> times, long statements, String phases, String lastOut) {}

  private Measured repeat(Path project, Map<String, String> config, String database,
      java.util.function.Supplier<Path> cache, String... args) throws Exception {
    List<Double> times = new ArrayList<>();
    long statements = -1;
    Timed last = null;
    for (int i = 0; i < runs; i++) {
      deleteGenerated(project);
      Path cacheDir = cache.get();
      if (database != null) {
        resetStatements(database);
      }
      last = time(project, config, Map.of("RETORT_CACHE_DIR", cacheDir.toString()), args);
      times.add(last.millis);
      if (database != null) {
        statements = countStatements(database);
      }
    }
    deleteGenerated(project);
    String phases = last.err.lines().filter(l -> l.startsWith("timings: ")).map(l -> l.substring(9)).findFirst().orElse("");
    return new Measured(times, statements, phases, last.out + last.err);
  }

  private static void deleteGenerated(Path project) throws IOException {
    Path migrations = project.resolve("migrations");
    if (Files.isDirectory(migrations)) {
      try (var files = Files.list(migrations)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private void resetStatements(String database) throws SQLException {
    try (Connection connection = Connections.open(url(database)); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** Statements the last run sent: everything counted in the database, minus this query's own. */
  private long countStatements(String database) throws SQLException {
    try (Connection connection = Connections.open(url(database)); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat_statements%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Timed time(Path project, Map<String, String> config, String... args) throws Exception {
    return time(project, config, Map.of("RETORT_CACHE_DIR", work.resolve("cache").toString()), args);
  }

  private Timed time(Path project, Map<String, String> config, Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    config.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("RETORT_") || k.startsWith("PG") || k.equals("DATABASE_URL"));
    builder.environment().putAll(environment);
    builder.environment().put("NO_COLOR", "1");
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    Timed timed = new Timed(millis, process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return timed;
  }

  private static void expect(Measured measured, String text) {
    if (!measured.lastOut().contains(text)) {
      throw new IllegalStateException("expected '" + text + "' in:\n" + measured.lastOut());
    }
  }

  private static void expectExit(Timed timed, String what) {
    if (timed.exit != 0) {
      throw new IllegalStateException(what + " failed: " + timed.out + timed.err);
    }
  }

  private void add(int n, String what, List<Double> times, long statements, String note) {
    List<Double> sorted = times.stream().sorted().toList();
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    Row row = new Row(n, what, median, sorted.get(0), statements, note);
    rows.add(row);
    System.err.printf(Locale.ROOT, "%5s  %-55s %8.0f ms%n", n == 0 ? "" : String.valueOf(n), what, median);
  }

  private void report(String server) throws IOException {
    PrintStream out = System.out;
    String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version") + ", PostgreSQL " + server;
    out.println();
    out.println("Retort benchmark, " + runs + " runs each, medians (" + machine + ")");
    out.printf(Locale.ROOT, "%6s  %-55s %10s %10s %10s  %s%n", "N", "what", "median ms", "min ms", "statements", "phases (last run)");
    for (Row row : rows) {
      out.printf(Locale.ROOT, "%6s  %-55s %10.0f %10.0f %10s  %s%n", row.n() == 0 ? "" : row.n(), row.what(), row.medianMs(),
          row.minMs(), row.statements() < 0 ? "" : row.statements(), row.note());
    }
    Path csv = work.resolve("results-" + Instant.now().toString().replace(":", "") + ".csv");
    Files.writeString(csv, "n,what,median_ms,min_ms,statements,phases\n" + rows.stream()
        .map(r -> String.format(Locale.ROOT, "%d,\"%s\",%.1f,%.1f,%d,\"%s\"", r.n(), r.what(), r.medianMs(), r.minMs(),
            r.statements(), r.note()))
        .collect(Collectors.joining("\n")) + "\n");
    out.println("CSV: " + csv);
  }

  private String serverVersion() {
    try (Connection connection = Connections.open(url("postgres"))) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "?";
    }
  }
}
