package dev.retort.bench;

import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.CatalogSource;
import dev.retort.catalog.SchemaCrawlerCatalogReader;
import dev.retort.config.DatabaseUrl;
import dev.retort.connect.Connections;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The catalog read, old reader (SchemaCrawler, the reference) against the new one (plain JDBC), on
 * the synthetic schema of {@code gen_schema.py N 42}: medians of warm reads in this JVM, and one
 * read in a fresh JVM per run, which is what a first run pays (the JVM flags are the launcher's,
 * without its class-data archive). Not a test: run it with the test classpath, {@code java -cp ...
 * dev.retort.bench.CatalogReadBench [N ...]} (default 100 1000).
 */
public final class CatalogReadBench {

  private static final int WARM_RUNS = 7;
  private static final int COLD_RUNS = 5;
  private static final CatalogScope SCOPE =
      CatalogScope.live(List.of("public"), List.of(), List.of(), List.of());

  private CatalogReadBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--once")) {
      once(args[1], new DatabaseUrl(args[2], args[3], args[4].equals("-") ? null : args[4]));
      return;
    }
    int[] sizes =
        args.length == 0
            ? new int[] {100, 1000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    Path generator =
        Files.exists(Path.of("../shared/bench/gen_schema.py"))
            ? Path.of("../shared/bench/gen_schema.py")
            : Path.of("src/test/resources/bench/gen_schema.py");
    System.out.println(
        "| N | reader | warm read (median ms) | fresh JVM: read (median ms) |"
            + " fresh JVM: whole process (median ms) |");
    System.out.println("|---|---|---|---|---|");
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("catalog-bench-");
      Process gen =
          new ProcessBuilder(
                  "python3", generator.toString(), String.valueOf(n), "42", dir.toString())
              .inheritIO()
              .start();
      if (!gen.waitFor(300, TimeUnit.SECONDS) || gen.exitValue() != 0) {
        throw new IllegalStateException("gen_schema.py failed");
      }
      TestDatabase db = TestServer.get().createDatabase();
      db.execute(Files.readString(dir.resolve("schema.sql")));
      db.execute("VACUUM ANALYZE");
      List<Double> oldWarm = new ArrayList<>();
      List<Double> newWarm = new ArrayList<>();
      try (Connection connection = db.connect()) {
        for (int i = 0; i < 3 + WARM_RUNS; i++) {
          double old = time(new SchemaCrawlerCatalogReader(SCOPE), connection);
          double fresh = time(new CatalogReader(SCOPE), connection);
          if (i >= 3) {
            oldWarm.add(old);
            newWarm.add(fresh);
          }
        }
      }
      List<double[]> oldCold = new ArrayList<>();
      List<double[]> newCold = new ArrayList<>();
      for (int i = 0; i < COLD_RUNS; i++) {
        oldCold.add(fresh("old", db.url()));
        newCold.add(fresh("new", db.url()));
      }
      row(n, "SchemaCrawler (old)", oldWarm, oldCold);
      row(n, "plain JDBC (new)", newWarm, newCold);
      System.out.printf(
          Locale.ROOT,
          "| %d | old/new | %.1fx | %.1fx | %.2fx |%n",
          n,
          median(oldWarm) / median(newWarm),
          median(column(oldCold, 0)) / median(column(newCold, 0)),
          median(column(oldCold, 1)) / median(column(newCold, 1)));
      TestServer.get().dropDatabase(db);
    }
  }

  private static double time(CatalogSource reader, Connection connection) {
    long start = System.nanoTime();
    reader.read(connection);
    return (System.nanoTime() - start) / 1e6;
  }

  /** One read in a new JVM: {read ms, whole process ms}. */
  private static double[] fresh(String which, DatabaseUrl url) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseParallelGC",
                "-XX:MaxNewSize=200m",
                "-Xss4m",
                "-Xshare:auto",
                "-Djava.util.logging.config.class=dev.retort.cli.QuietLogging",
                "-cp",
                System.getProperty("java.class.path"),
                CatalogReadBench.class.getName(),
                "--once",
                which,
                url.jdbcUrl(),
                url.user(),
                url.password() == null ? "-" : url.password()));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    String line =
        out.lines()
            .filter(l -> l.startsWith("read_ms="))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no timing in: " + out));
    return new double[] {Double.parseDouble(line.substring("read_ms=".length())), wall};
  }

  /** The child: connect, then time the first read this JVM does. */
  private static void once(String which, DatabaseUrl url) throws Exception {
    try (Connection connection = Connections.open(url);
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO public");
      long start = System.nanoTime();
      CatalogSource reader =
          which.equals("old") ? new SchemaCrawlerCatalogReader(SCOPE) : new CatalogReader(SCOPE);
      reader.read(connection);
      System.out.printf(Locale.ROOT, "read_ms=%.1f%n", (System.nanoTime() - start) / 1e6);
    }
  }

  private static void row(int n, String reader, List<Double> warm, List<double[]> cold) {
    System.out.printf(
        Locale.ROOT,
        "| %d | %s | %.0f | %.0f | %.0f |%n",
        n,
        reader,
        median(warm),
        median(column(cold, 0)),
        median(column(cold, 1)));
  }

  private static List<Double> column(List<double[]> rows, int index) {
    return rows.stream().map(r -> r[index]).toList();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.size() % 2 == 1
        ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
  }
}
