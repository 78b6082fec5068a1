package dev.retort.bench;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fleet benchmark (issue 17), never part of the test suite: the workforce sample's migrations
 * applied to a fleet of schemas and a fleet of databases with {@code upgrade --tenants --parallel
 * P}, against the shell loop Flyway and Liquibase users write (one {@code retort upgrade} per
 * tenant). Reports tenant-migrations per second, peak heap and the most connections open at once.
 *
 * <pre>
 * mvn -Pbench -DskipTests verify -Dbench.main=dev.retort.bench.FleetBenchmark \
 *     -Dbench.fleet.schemas=1000 -Dbench.fleet.databases=100 -Dbench.fleet.loop=20
 * </pre>
 */
public final class FleetBenchmark {

  private static final Pattern PEAK_CONNECTIONS = Pattern.compile("\"peak_connections\": (\\d+)");
  private static final Pattern BEFORE_GC = Pattern.compile("Pause.* (\\d+)M->\\d+M");

  private final Path launcher = Path.of(System.getProperty("bench.launcher", "target/retort"));
  private final int schemas = Integer.getInteger("bench.fleet.schemas", 1000);
  private final int databases = Integer.getInteger("bench.fleet.databases", 100);
  private final int loop = Integer.getInteger("bench.fleet.loop", 20);
  private final List<Integer> parallel =
      Stream.of(System.getProperty("bench.fleet.parallel", "1,2,4,8").split(","))
          .map(s -> Integer.parseInt(s.trim()))
          .toList();
  private final Path work;
  private final int migrations;

  private FleetBenchmark() throws IOException {
    work = Files.createTempDirectory("retort-fleet-bench");
    copyTree(Path.of("samples/workforce/migrations"), work.resolve("migrations"));
    try (Stream<Path> files = Files.list(work.resolve("migrations"))) {
      migrations = (int) files.filter(f -> f.toString().endsWith(".java")).count();
    }
  }

  public static void main(String[] args) throws Exception {
    new FleetBenchmark().run();
    System.exit(0);
  }

  private record Measured(double seconds, int exit, double heapMb, int connections, String err) {}

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "fleet benchmark: %d schemas, %d databases, %d migrations each (workforce sample)%n",
        schemas,
        databases,
        migrations);
    System.out.println(
        "| run | tenants | time | tenant-migrations/s | peak heap | peak connections |");
    System.out.println("|---|---|---|---|---|---|");
    for (int p : parallel) {
      TestDatabase db = schemaFleet();
      properties("tenants.schemas=t_*");
      Measured m = retort(db, "upgrade", "--tenants", "--parallel", "" + p, "--report", "json");
      row("schemas, --parallel " + p, schemas, m);
      List<TestDatabase> fleet = databaseFleet();
      properties("tenants.file=tenants.txt");
      m = retort(fleet.get(0), "upgrade", "--tenants", "--parallel", "" + p, "--report", "json");
      row("databases, --parallel " + p, databases, m);
    }
    // The loop: one process per tenant, as a script calling 'retort upgrade' would (timed over a
    // sample of the tenants; the rate is per tenant, so it does not depend on the fleet's size).
    TestDatabase db = schemaFleet();
    properties("");
    double seconds = 0;
    double heap = 0;
    for (int i = 0; i < loop; i++) {
      Measured m = retort(db, "-D", "schemas=t_" + String.format("%04d", i), "upgrade");
      seconds += m.seconds();
      heap = Math.max(heap, m.heapMb());
    }
    row("shell loop of retort upgrade", loop, new Measured(seconds, 0, heap, 1, ""));
  }

  private void row(String what, int tenants, Measured m) {
    if (m.exit() != 0) {
      throw new IllegalStateException(what + " exited " + m.exit() + ": " + m.err());
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f s | %.0f | %s | %d |%n",
        what,
        tenants,
        m.seconds(),
        tenants * migrations / m.seconds(),
        m.heapMb() == 0 ? "no GC" : String.format(Locale.ROOT, "%.0f MB", m.heapMb()),
        m.connections());
  }

  private TestDatabase schemaFleet() {
    TestDatabase db = TestServer.get().createDatabase();
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < schemas; i++) {
      statements.add("CREATE SCHEMA t_" + String.format("%04d", i));
    }
    db.execute(statements.toArray(String[]::new));
    return db;
  }

  private List<TestDatabase> databaseFleet() throws IOException {
    List<TestDatabase> fleet = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < databases; i++) {
      TestDatabase db = TestServer.get().createDatabase();
      fleet.add(db);
      lines.add(db.url().jdbcUrl());
    }
    Files.write(work.resolve("tenants.txt"), lines);
    return fleet;
  }

  private void properties(String fleet) throws IOException {
    Files.writeString(
        work.resolve("retort.properties"),
        "migrations.dir=migrations\nmigrations.package=com.example.workforce.migrations\n"
            + fleet
            + "\n");
  }

  private Measured retort(TestDatabase db, String... args) throws Exception {
    Path gcLog = Files.createTempFile(work, "gc", ".log");
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    List<String> command = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
    command.addAll(db.cliArgs());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("RETORT_JAVA_OPTS", "-Xlog:gc:file=" + gcLog + ":uptime:filecount=0");
    builder.environment().put("RETORT_CACHE_DIR", work.resolve(".cache").toString());
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Matcher connections = PEAK_CONNECTIONS.matcher(Files.readString(out));
    return new Measured(
        seconds,
        process.exitValue(),
        peakHeapMb(gcLog),
        connections.find() ? Integer.parseInt(connections.group(1)) : 1,
        Files.readString(err));
  }

  private static double peakHeapMb(Path gcLog) throws IOException {
    double peak = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher before = BEFORE_GC.matcher(line);
      if (before.find()) {
        peak = Math.max(peak, Double.parseDouble(before.group(1)));
      }
    }
    return peak;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
