package dev.retort.bench;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.SchemaCrawlerCatalogReader;
import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Retort's benchmark: whole-process timings of what users run, on the shared synthetic schemas
 * ({@code gen_schema.py N 42}), with medians over several runs, SQL statements counted by the
 * server ({@code pg_stat_statements}), phase timings from {@code -v}, and peak memory (the heap
 * before each collection and at exit, from the JVM's GC log, and the process's maximum resident
 * size where {@code /usr/bin/time} exists). For the catalog read it also measures, in this JVM, the
 * floor: one query for every column of the schema. Prints one table and writes a CSV so two runs
 * can be compared.
 *
 * <p>Side by side with Alembic ({@code -Dbench.alembic=DIR}, made by {@code
 * src/test/resources/bench/alembic/setup.sh DIR}): at the sizes of {@code bench.vs.sizes} (100 and
 * 1000), Retort's and Alembic's {@code revision --autogenerate} run in turn against the same
 * database, unchanged model and first run after an edit, with Retort's {@code check} with no
 * database beside them, printed as a markdown table with the machine (see {@link Alembic}).
 *
 * <p>Run with {@code mvn -Pbench -DskipTests verify} (sizes and runs via {@code
 * -Dbench.sizes=10,100}, {@code -Dbench.runs=5} and the migration chains' lengths via {@code
 * -Dbench.chains=500,5000}). Never part of the test suite: timings belong here, not in tests.
 */
public final class Benchmark {

  private final Path launcher;
  private final Path generator;
  private final Path work;
  private final int runs;
  private final List<Row> rows = new ArrayList<>();

  /** Alembic for the side-by-side rows, or null (then only Retort's side is measured). */
  private final Alembic alembic;

  /** The sizes that get the side-by-side rows ({@code bench.vs.sizes}). */
  private final List<Integer> versusSizes;

  private final List<Versus> versus = new ArrayList<>();

  /**
   * Which rows of each size to measure ({@code bench.rows}): first, unchanged, edited, check,
   * embedded, floor, vs (the side-by-side rows with Alembic).
   */
  private final Set<String> wanted =
      new HashSet<>(
          Arrays.asList(
              System.getProperty("bench.rows", "first,unchanged,edited,check,embedded,floor,vs")
                  .split(",")));

  private EmbeddedPostgres postgres;

  /** One measured thing. */
  record Row(
      int n,
      String what,
      double medianMs,
      double minMs,
      long statements,
      String memory,
      String note) {}

  /**
   * One side-by-side row: Retort's times and, run in turn with them, Alembic's with its bytecode
   * compiled and with none (empty when there is no Alembic counterpart or no Alembic).
   */
  record Versus(
      int n, String what, List<Double> retort, List<Double> alembic, List<Double> alembicCold) {}

  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  Benchmark(
      Path launcher,
      Path generator,
      Path work,
      int runs,
      Alembic alembic,
      List<Integer> versusSizes) {
    this.launcher = launcher;
    this.generator = generator;
    this.work = work;
    this.runs = runs;
    this.alembic = alembic;
    this.versusSizes = versusSizes;
  }

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(System.getProperty("bench.launcher", "target/retort")).toAbsolutePath();
    Path shared = Path.of("../shared/bench/gen_schema.py");
    String defaultGenerator =
        Files.exists(shared) ? shared.toString() : "src/test/resources/bench/gen_schema.py";
    Path generator =
        Path.of(System.getProperty("bench.generator", defaultGenerator)).toAbsolutePath();
    Path work = Path.of(System.getProperty("bench.work", "target/bench")).toAbsolutePath();
    int runs = Integer.getInteger("bench.runs", 5);
    List<Integer> sizes = numbers(System.getProperty("bench.sizes", "10,100,500,1000"));
    List<Integer> chains =
        Boolean.parseBoolean(System.getProperty("bench.migrations", "true"))
            ? numbers(System.getProperty("bench.chains", "500,5000"))
            : List.of();
    List<Integer> versusSizes = numbers(System.getProperty("bench.vs.sizes", "100,1000"));
    Alembic alembic = null;
    if (Arrays.asList(System.getProperty("bench.rows", "vs").split(",")).contains("vs")) {
      Files.createDirectories(work);
      alembic = Alembic.configured(System.getProperty("bench.alembic"), work);
    }
    new Benchmark(launcher, generator, work, runs, alembic, versusSizes).run(sizes, chains);
  }

  private static List<Integer> numbers(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Integer::parseInt)
        .toList();
  }

  /** Measures the schemas of {@code sizes} entities and migration chains of {@code chains}. */
  void run(List<Integer> sizes, List<Integer> chains) throws Exception {
    Files.createDirectories(work);
    postgres =
        EmbeddedPostgres.builder()
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
      for (int count : chains) {
        measureChain(count);
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
    add(0, "JVM start (retort --version)", times, -1, "", "");
  }

  private void measureSchema(int n) throws Exception {
    Path schema = generate(n);
    String database = "bench_" + n;
    createDatabase(database, Files.readString(schema.resolve("schema.sql")));
    Path project = Files.createDirectories(work.resolve("project-" + n));
    // check refuses a migrations directory that does not exist; revision would create it.
    Files.createDirectories(project.resolve("migrations"));
    Map<String, String> base = config(database, schema.resolve("jpa/base"));
    Map<String, String> edited = config(database, schema.resolve("jpa/edited"));
    // Entities come compiled in a real project: compile both models once (the compile cache is
    // kept apart from the model caches the rows below control).
    Path compiled = work.resolve("compiled");
    time(project, base, Map.of("RETORT_CACHE_DIR", compiled.toString()), "check");
    time(project, edited, Map.of("RETORT_CACHE_DIR", compiled.toString()), "check");
    if (!Files.isDirectory(compiled.resolve("entities"))) {
      throw new IllegalStateException("no compiled entities in " + compiled);
    }
    boolean versusRows = wanted.contains("vs") && versusSizes.contains(n);
    AlembicProjects alembicProjects = null;
    if (versusRows && alembic != null) {
      // Before Retort's caches see the catalog: Alembic's first run adds its alembic_version table
      // (which Retort leaves out of its comparison), and fills the compiled rows' bytecode.
      alembicProjects = alembicProjects(n, schema, database);
    }

    if (wanted.contains("floor")) {
      measureCatalogFloor(n, database);
    }
    if (wanted.contains("first")) {
      Measured first =
          repeat(project, base, database, () -> freshCache(compiled, null), "check", "-v");
      expect(first, "in sync");
      add(n, "check, first run (nothing cached)", first);
    }

    Path warm = freshCache(compiled, null);
    time(project, base, Map.of("RETORT_CACHE_DIR", warm.toString()), "check");

    if (wanted.contains("unchanged")) {
      Measured unchanged =
          repeat(
              project,
              base,
              database,
              () -> warm,
              "revision",
              "--autogenerate",
              "-m",
              "no change",
              "-v");
      expect(unchanged, "No changes detected");
      add(n, "autogenerate, unchanged model", unchanged);
    }
    if (wanted.contains("edited")) {
      // What a user meets right after editing entities: what the base model cached, nothing more.
      Measured changed =
          repeat(
              project,
              edited,
              database,
              () -> freshCache(compiled, warm),
              "revision",
              "--autogenerate",
              "-m",
              "edits",
              "--rev-id",
              "benchedit",
              "-v");
      expect(changed, "Generated ");
      add(n, "autogenerate, edited model (first run after the edit)", changed);
    }
    if (wanted.contains("check")) {
      Measured check = repeat(project, base, database, () -> warm, "check", "-v");
      expect(check, "in sync");
      add(n, "check", check);
    }
    if (wanted.contains("embedded")) {
      Measured embedded = repeat(project, withoutDatabase(base), null, () -> warm, "check", "-v");
      add(n, "check, no database (embedded)", embedded);
    }
    if (versusRows) {
      measureVersus(n, database, project, base, edited, compiled, warm, alembicProjects);
    }
  }

  /** Alembic's two projects of size {@code n}, the base and the edited model. */
  record AlembicProjects(Path base, Path edited, Path edits, String url) {}

  private AlembicProjects alembicProjects(int n, Path schema, String database) throws Exception {
    AlembicProjects projects =
        new AlembicProjects(
            Alembic.project(
                work.resolve("alembic-" + n + "-base"), schema.resolve("models_sqlalchemy.py")),
            Alembic.project(
                work.resolve("alembic-" + n + "-edited"),
                schema.resolve("models_sqlalchemy_edited.py")),
            schema.resolve("edits.json"),
            "postgresql+psycopg2://postgres@localhost:" + postgres.getPort() + "/" + database);
    for (Path project : List.of(projects.base(), projects.edited())) {
      Timed first = exec(alembic.revision(project, projects.url(), true), null);
      expectExit(first, "alembic revision --autogenerate in " + project);
      String found = Alembic.verify(project, projects.edits(), project.equals(projects.edited()));
      System.err.printf(
          Locale.ROOT, "%5d  Alembic on the %s model: %s%n", n, label(project), found);
    }
    return projects;
  }

  private static String label(Path alembicProject) {
    return alembicProject.getFileName().toString().endsWith("edited") ? "edited" : "unchanged";
  }

  /**
   * The side-by-side rows of size {@code n}, measured in turn in every round: Retort cold (nothing
   * cached but the compiled entities), then Alembic on the unchanged model (bytecode compiled, then
   * none), Retort warm, Retort on the edited model with the base model's caches, then Alembic on
   * the edited model, then Retort's {@code check} with no database, cold and warm.
   */
  private void measureVersus(
      int n,
      String database,
      Path project,
      Map<String, String> base,
      Map<String, String> edited,
      Path compiled,
      Path warm,
      AlembicProjects alembicProjects)
      throws Exception {
    // The CI check: a project whose one migration creates the base model, checked against it in an
    // embedded server.
    Path ci = Files.createDirectories(work.resolve("ci-" + n));
    deleteGenerated(ci);
    String empty = "empty_" + n;
    createDatabase(empty, "");
    Map<String, String> initialConfig = new LinkedHashMap<>(base);
    initialConfig.put("url", url(empty).jdbcUrl());
    Files.createDirectories(ci.resolve("migrations"));
    Timed initial =
        time(
            ci,
            initialConfig,
            Map.of("RETORT_CACHE_DIR", freshCache(compiled, null).toString()),
            "revision",
            "--autogenerate",
            "-m",
            "initial",
            "--rev-id",
            "initial");
    expectExit(initial, "revision --autogenerate -m initial");
    Map<String, String> ciConfig = withoutDatabase(base);
    Path ciWarm = freshCache(compiled, null);
    expectOut(
        time(ci, ciConfig, Map.of("RETORT_CACHE_DIR", ciWarm.toString()), "check"), "in sync");

    Series cold = new Series();
    Series warmUnchanged = new Series();
    Series afterEdit = new Series();
    Series ciCold = new Series();
    Series ciWarmRuns = new Series();
    Series alembicUnchanged = new Series();
    Series alembicUnchangedNone = new Series();
    Series alembicEdited = new Series();
    Series alembicEditedNone = new Series();
    String[] unchangedArgs = {"revision", "--autogenerate", "-m", "no change"};
    String[] editedArgs = {"revision", "--autogenerate", "-m", "edits", "--rev-id", "benchedit"};
    for (int round = 0; round < runs; round++) {
      retort(
          cold, database, project, base, freshCache(compiled, null), "No changes", unchangedArgs);
      alembicRuns(database, alembicProjects, false, alembicUnchanged, alembicUnchangedNone);
      retort(warmUnchanged, database, project, base, warm, "No changes", unchangedArgs);
      retort(
          afterEdit,
          database,
          project,
          edited,
          freshCache(compiled, warm),
          "Generated ",
          editedArgs);
      alembicRuns(database, alembicProjects, true, alembicEdited, alembicEditedNone);
      retort(ciCold, null, ci, ciConfig, freshCache(compiled, null), "in sync", "check");
      retort(ciWarmRuns, null, ci, ciConfig, ciWarm, "in sync", "check");
      System.err.printf(
          Locale.ROOT, "%5d  side by side with Alembic: round %d of %d%n", n, round + 1, runs);
    }
    deleteGenerated(project);
    versus(
        n,
        "`revision --autogenerate`, unchanged model, cold (nothing cached)",
        cold,
        alembicUnchanged,
        alembicUnchangedNone);
    versus(
        n,
        "`revision --autogenerate`, unchanged model, warm caches",
        warmUnchanged,
        alembicUnchanged,
        alembicUnchangedNone);
    versus(
        n,
        "`revision --autogenerate`, first run after an edit",
        afterEdit,
        alembicEdited,
        alembicEditedNone);
    versus(
        n, "`check` with no database (embedded server), cold", ciCold, new Series(), new Series());
    versus(
        n,
        "`check` with no database (embedded server), warm caches",
        ciWarmRuns,
        new Series(),
        new Series());
  }

  /**
   * The runs of one tool in one side-by-side row: times, and of the last run the statements the
   * server counted in the database (-1 without one) and the memory.
   */
  private static final class Series {
    final List<Double> times = new ArrayList<>();
    long statements = -1;
    String memory = "";

    void add(Timed timed, long statementsSent) {
      times.add(timed.millis);
      statements = statementsSent;
      memory =
          (timed.peakHeapMb < 0
                  ? ""
                  : String.format(Locale.ROOT, "heap %.0f MB, ", timed.peakHeapMb))
              + (timed.maxRssMb < 0
                  ? ""
                  : String.format(Locale.ROOT, "RSS %.0f MB", timed.maxRssMb));
    }
  }

  /**
   * One Retort run of the side-by-side rows, checked for {@code expected} in its output, with the
   * statements it sent to {@code database} when given.
   */
  private void retort(
      Series series,
      String database,
      Path project,
      Map<String, String> config,
      Path cache,
      String expected,
      String... args)
      throws Exception {
    if (args[0].equals("revision")) {
      // What the last revision generated goes; check keeps the project's migrations.
      deleteGenerated(project);
    }
    if (database != null) {
      resetStatements(database);
    }
    Timed timed = time(project, config, Map.of("RETORT_CACHE_DIR", cache.toString()), args);
    expectOut(timed, expected);
    series.add(timed, database == null ? -1 : countStatements(database));
  }

  /** Alembic on one model, bytecode compiled, then none; each run's output checked. */
  private void alembicRuns(
      String database, AlembicProjects projects, boolean edited, Series compiled, Series none)
      throws Exception {
    if (projects == null) {
      return;
    }
    Path project = edited ? projects.edited() : projects.base();
    for (boolean bytecode : List.of(true, false)) {
      Alembic.Command command = alembic.revision(project, projects.url(), bytecode);
      resetStatements(database);
      Timed timed = exec(command, null);
      long statements = countStatements(database);
      expectExit(timed, "alembic revision --autogenerate in " + project);
      Alembic.verify(project, projects.edits(), edited);
      (bytecode ? compiled : none).add(timed, statements);
    }
  }

  private void versus(int n, String what, Series retort, Series alembic, Series alembicNone) {
    versus.add(new Versus(n, what, retort.times, alembic.times, alembicNone.times));
    add(n, "vs: " + what + ", Retort", retort);
    if (!alembic.times.isEmpty()) {
      add(n, "vs: " + what + ", Alembic (bytecode compiled)", alembic);
      add(n, "vs: " + what + ", Alembic (no bytecode)", alembicNone);
    }
  }

  private void add(int n, String what, Series series) {
    add(n, what, series.times, series.statements, series.memory, "");
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
      throw new UncheckedIOException(e);
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
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
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

  /**
   * A chain of {@code count} migrations: upgrade with a cold and a warm compile cache, then
   * downgrade to base (warm). Run at two lengths, the ratio of their times shows whether the
   * runner's bookkeeping stays linear in the length of the history.
   */
  private void measureChain(int count) throws Exception {
    Path project = Files.createDirectories(work.resolve("upgrade-" + count));
    Path migrations = Files.createDirectories(project.resolve("migrations"));
    for (int i = 1; i <= count; i++) {
      String id = String.format(Locale.ROOT, "r%05d", i);
      String parent = i == 1 ? "" : String.format(Locale.ROOT, "\"r%05d\"", i - 1);
      Files.writeString(
          migrations.resolve(String.format(Locale.ROOT, "M%05d.java", i)),
          "package bench.migrations;\n\nimport static dev.retort.migration.Dsl.*;\nimport dev.retort.migration.*;\n\n"
              + "@Revision(id = \""
              + id
              + "\", revises = {"
              + parent
              + "}, message = \"step "
              + i
              + "\")\n"
              + "public final class M"
              + String.format(Locale.ROOT, "%05d", i)
              + " implements Migration {\n"
              + "  public void upgrade(Operations op) {\n"
              + "    op.createTable(\"t"
              + i
              + "\", column(\"id\", bigint()).withIdentity(identity()), column(\"name\", text()),"
              + " primaryKey(\"t"
              + i
              + "_pkey\", \"id\"));\n"
              + "    op.addColumn(\"t"
              + i
              + "\", column(\"created_at\", timestamptz()).notNull().withDefault(\"now()\"));\n"
              + "  }\n  public void downgrade(Operations op) { op.dropTable(\"t"
              + i
              + "\"); }\n}\n");
    }
    List<Double> cold = new ArrayList<>();
    List<Timed> warm = new ArrayList<>();
    List<Timed> down = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      Path cache = project.resolve("cache-" + run);
      Map<String, String> env = Map.of("RETORT_CACHE_DIR", cache.toString());
      for (boolean coldCache : List.of(true, false)) {
        String database = "upgrade_" + count + "_" + run;
        createDatabase(database, "");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", url(database).jdbcUrl());
        config.put("user", "postgres");
        config.put("migrations.dir", "migrations");
        config.put("migrations.package", "bench.migrations");
        Timed upgrade = time(project, config, env, "upgrade");
        expectExit(upgrade, "upgrade");
        if (coldCache) {
          cold.add(upgrade.millis);
          continue;
        }
        warm.add(upgrade);
        Timed downgrade = time(project, config, env, "downgrade", "base");
        expectExit(downgrade, "downgrade base");
        down.add(downgrade);
      }
    }
    add(0, "upgrade head, " + count + " migrations, cold compile cache", cold, -1, "", "");
    add(0, "upgrade head, " + count + " migrations, warm compile cache", warm);
    add(0, "downgrade base, " + count + " migrations, warm compile cache", down);
  }

  /** A row of whole-process timings, with the peak heap of the runs. */
  private void add(int n, String what, List<Timed> timed) {
    double heap = timed.stream().mapToDouble(Timed::peakHeapMb).max().orElse(-1);
    add(
        n,
        what,
        timed.stream().map(Timed::millis).toList(),
        -1,
        heap < 0 ? "" : String.format(Locale.ROOT, "heap %.0f MB", heap),
        "");
  }

  private Path generate(int n) throws Exception {
    Path out = work.resolve("schema-" + n);
    if (!Files.exists(out.resolve("edits.json"))) {
      Process process =
          new ProcessBuilder(
                  "python3", generator.toString(), String.valueOf(n), "42", out.toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("gen_schema.py failed: " + log);
      }
    }
    return out;
  }

  private DatabaseUrl url(String database) {
    return new DatabaseUrl(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", null);
  }

  private void createDatabase(String name, String sql) throws SQLException {
    try (Connection connection = Connections.open(url("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    }
    try (Connection connection = Connections.open(url(name));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      if (!sql.isBlank()) {
        statement.execute(sql);
      }
      // A real database was vacuumed long ago; without this, autovacuum working through the fresh
      // catalog competes with whichever rows run first and makes them depend on their order.
      statement.execute("VACUUM ANALYZE");
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

  record Timed(
      double millis, int exit, String out, String err, double peakHeapMb, double maxRssMb) {}

  record Measured(
      List<Double> times,
      long statements,
      String phases,
      String lastOut,
      double peakHeapMb,
      double maxRssMb) {}

  private Measured repeat(
      Path project,
      Map<String, String> config,
      String database,
      Supplier<Path> cache,
      String... args)
      throws Exception {
    List<Double> times = new ArrayList<>();
    long statements = -1;
    Timed last = null;
    double heap = -1;
    double rss = -1;
    for (int i = 0; i < runs; i++) {
      deleteGenerated(project);
      Path cacheDir = cache.get();
      if (database != null) {
        resetStatements(database);
      }
      last = time(project, config, Map.of("RETORT_CACHE_DIR", cacheDir.toString()), args);
      times.add(last.millis);
      heap = Math.max(heap, last.peakHeapMb);
      rss = Math.max(rss, last.maxRssMb);
      if (database != null) {
        statements = countStatements(database);
      }
    }
    deleteGenerated(project);
    String phases =
        last.err
            .lines()
            .filter(l -> l.startsWith("timings: "))
            .map(l -> l.substring(9))
            .findFirst()
            .orElse("");
    return new Measured(times, statements, phases, last.out + last.err, heap, rss);
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
    try (Connection connection = Connections.open(url(database));
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** Statements the last run sent: everything counted in the database, minus this query's own. */
  private long countStatements(String database) throws SQLException {
    try (Connection connection = Connections.open(url(database));
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                    + " WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat_statements%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Timed time(Path project, Map<String, String> config, String... args) throws Exception {
    return time(
        project, config, Map.of("RETORT_CACHE_DIR", work.resolve("cache").toString()), args);
  }

  private Timed time(
      Path project, Map<String, String> config, Map<String, String> environment, String... args)
      throws Exception {
    Path gcLog = Files.createTempFile(work, "gc", ".log");
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    config.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
    command.addAll(List.of(args));
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("NO_COLOR", "1");
    env.put("RETORT_JAVA_OPTS", "-Xlog:gc,gc+heap+exit:file=" + gcLog + ":uptime:filecount=0");
    return exec(new Alembic.Command(command, project, env), gcLog);
  }

  /**
   * Runs a whole process, timed from start to exit, in an environment without the variables of
   * Retort, PostgreSQL and Python but {@code environment}; with {@code gcLog} (Retort's JVM), its
   * peak heap.
   */
  private Timed exec(Alembic.Command run, Path gcLog) throws Exception {
    Path rssFile = Files.createTempFile(work, "rss", ".txt");
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(GNU_TIME)) {
      command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
    }
    command.addAll(run.command());
    ProcessBuilder builder = new ProcessBuilder(command).directory(run.directory().toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("RETORT_")
                    || k.startsWith("PG")
                    || k.startsWith("PYTHON")
                    || k.equals("DATABASE_URL"));
    builder.environment().putAll(run.environment());
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
    String rss = Files.readString(rssFile).strip();
    Timed timed =
        new Timed(
            millis,
            process.exitValue(),
            Files.readString(out),
            Files.readString(err),
            gcLog == null ? -1 : peakHeapMb(gcLog),
            rss.matches("\\d+") ? Long.parseLong(rss) / 1024.0 : -1);
    for (Path file : List.of(out, err, rssFile)) {
      Files.delete(file);
    }
    if (gcLog != null) {
      Files.delete(gcLog);
    }
    return timed;
  }

  private static final Pattern BEFORE_GC = Pattern.compile("Pause.* (\\d+)M->\\d+M");
  private static final Pattern USED_AT_EXIT =
      Pattern.compile("(?:generation|PSYoungGen|ParOldGen) +total \\d+K, used (\\d+)K");

  /** The most heap in use: before any collection, or at exit (which no collection followed). */
  private static double peakHeapMb(Path gcLog) throws IOException {
    double peak = -1;
    double atExit = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher before = BEFORE_GC.matcher(line);
      if (before.find()) {
        peak = Math.max(peak, Double.parseDouble(before.group(1)));
      }
      Matcher used = USED_AT_EXIT.matcher(line);
      if (used.find()) {
        atExit += Double.parseDouble(used.group(1)) / 1024;
      }
    }
    return Math.max(peak, atExit == 0 ? -1 : atExit);
  }

  /**
   * The catalog read in this JVM, against its floor: one query for every column of the schema's
   * tables (the least any reader must fetch). Warm: after one read of each, the median of the runs.
   */
  private void measureCatalogFloor(int n, String database) throws SQLException {
    CatalogScope scope = CatalogScope.live(List.of("public"), List.of(), List.of(), List.of());
    String floor =
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace s ON s.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped";
    List<Double> crawl = new ArrayList<>();
    List<Double> reference = new ArrayList<>();
    List<Double> query = new ArrayList<>();
    try (Connection connection = Connections.open(url(database))) {
      for (int i = 0; i <= runs; i++) {
        long start = System.nanoTime();
        new SchemaCrawlerCatalogReader(scope).read(connection);
        double referenceMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        new CatalogReader(scope).read(connection);
        double crawlMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        int rowsRead = 0;
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(floor)) {
          while (rs.next()) {
            rowsRead++;
          }
        }
        double queryMs = (System.nanoTime() - start) / 1e6;
        if (i > 0 && rowsRead > 0) {
          reference.add(referenceMs);
          crawl.add(crawlMs);
          query.add(queryMs);
        }
      }
    }
    double ratio = median(crawl) / median(query);
    add(
        n,
        "catalog read in-process, warm (plain JDBC, complete)",
        crawl,
        -1,
        "",
        String.format(Locale.ROOT, "%.0fx the floor", ratio));
    add(
        n,
        "catalog read in-process, warm (SchemaCrawler, the former reader)",
        reference,
        -1,
        "",
        String.format(Locale.ROOT, "%.1fx the plain JDBC read", median(reference) / median(crawl)));
    add(n, "floor: one query for all columns, in-process", query, 1, "", "");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.size() % 2 == 1
        ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }

  private static void expect(Measured measured, String text) {
    if (!measured.lastOut().contains(text)) {
      throw new IllegalStateException("expected '" + text + "' in:\n" + measured.lastOut());
    }
  }

  private static void expectOut(Timed timed, String text) {
    if (!(timed.out + timed.err).contains(text)) {
      throw new IllegalStateException("expected '" + text + "' in:\n" + timed.out + timed.err);
    }
  }

  private static void expectExit(Timed timed, String what) {
    if (timed.exit != 0) {
      throw new IllegalStateException(what + " failed: " + timed.out + timed.err);
    }
  }

  private void add(int n, String what, Measured measured) {
    String memory =
        measured.peakHeapMb() < 0
            ? ""
            : String.format(Locale.ROOT, "heap %.0f MB", measured.peakHeapMb())
                + (measured.maxRssMb() < 0
                    ? ""
                    : String.format(Locale.ROOT, ", RSS %.0f MB", measured.maxRssMb()));
    add(n, what, measured.times(), measured.statements(), memory, measured.phases());
  }

  private void add(
      int n, String what, List<Double> times, long statements, String memory, String note) {
    List<Double> sorted = times.stream().sorted().toList();
    double median = median(times);
    Row row = new Row(n, what, median, sorted.get(0), statements, memory, note);
    rows.add(row);
    System.err.printf(
        Locale.ROOT, "%5s  %-55s %8.0f ms%n", n == 0 ? "" : String.valueOf(n), what, median);
  }

  private void report(String server) throws IOException {
    PrintStream out = System.out;
    String machine =
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", PostgreSQL "
            + server;
    out.println();
    out.println("Retort benchmark, " + runs + " runs each, medians (" + machine + ")");
    out.printf(
        Locale.ROOT,
        "%6s  %-55s %10s %10s %10s  %-24s %s%n",
        "N",
        "what",
        "median ms",
        "min ms",
        "statements",
        "peak memory",
        "phases (last run)");
    for (Row row : rows) {
      out.printf(
          Locale.ROOT,
          "%6s  %-55s %10.0f %10.0f %10s  %-24s %s%n",
          row.n() == 0 ? "" : row.n(),
          row.what(),
          row.medianMs(),
          row.minMs(),
          row.statements() < 0 ? "" : row.statements(),
          row.memory(),
          row.note());
    }
    Path csv = work.resolve("results-" + Instant.now().toString().replace(":", "") + ".csv");
    Files.writeString(
        csv,
        "n,what,median_ms,min_ms,statements,memory,phases\n"
            + rows.stream()
                .map(
                    r ->
                        String.format(
                            Locale.ROOT,
                            "%d,\"%s\",%.1f,%.1f,%d,\"%s\",\"%s\"",
                            r.n(),
                            r.what(),
                            r.medianMs(),
                            r.minMs(),
                            r.statements(),
                            r.memory(),
                            r.note()))
                .collect(Collectors.joining("\n"))
            + "\n");
    out.println("CSV: " + csv);
    reportVersus(out, server);
  }

  /**
   * The side-by-side rows as a markdown table the README can take as it is: medians of the rounds,
   * and the ratio of the medians, Alembic's over Retort's (above 1: Retort is faster).
   */
  private void reportVersus(PrintStream out, String server) {
    if (versus.isEmpty()) {
      return;
    }
    String alembicName = alembic == null ? "Alembic" : "Alembic " + alembic.version();
    out.println();
    out.println(
        "Side by side, whole processes in turn against the same database of one embedded"
            + " PostgreSQL (fsync off), medians of "
            + runs
            + " rounds; ratio = Alembic's median / Retort's (above 1: Retort is faster). Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores ("
            + cpuModel()
            + "), PostgreSQL "
            + server
            + ", "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.version")
            + ", "
            + (alembic == null ? "no Alembic (bench.alembic not set)" : alembic.describe())
            + ".");
    out.println();
    out.println(
        "| N | | Retort | "
            + alembicName
            + ", bytecode compiled | ratio | "
            + alembicName
            + ", no bytecode | ratio |");
    out.println("|---|---|---|---|---|---|---|");
    for (Versus row : versus) {
      double retort = median(row.retort());
      out.println(
          "| "
              + row.n()
              + " | "
              + row.what()
              + " | "
              + seconds(retort)
              + " | "
              + versusCells(row.alembic(), retort)
              + " | "
              + versusCells(row.alembicCold(), retort)
              + " |");
    }
    out.println();
    out.println(
        "Cold: a new cache directory holding only the compiled entities. Warm caches: the caches of"
            + " an earlier run of the same model. First run after an edit: the caches of the base"
            + " model only. Alembic, bytecode compiled: alembic's, SQLAlchemy's and the project's"
            + " modules compiled by an earlier run, as an installed package has them; no bytecode:"
            + " all of them compiled from source in every run. Alembic's unchanged-model times"
            + " serve the cold and the warm row alike. `check` with no database applies the"
            + " project's migrations to an embedded server; Alembic has no such command (–).");
  }

  private static String versusCells(List<Double> alembicTimes, double retort) {
    if (alembicTimes.isEmpty()) {
      return "– | –";
    }
    double alembicMedian = median(alembicTimes);
    return seconds(alembicMedian)
        + " | "
        + String.format(Locale.ROOT, "%.2fx", alembicMedian / retort);
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("CPU model unknown");
    } catch (IOException e) {
      return "CPU model unknown";
    }
  }

  private String serverVersion() {
    try (Connection connection = Connections.open(url("postgres"))) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "?";
    }
  }
}
