package dev.retort.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Alembic as a user runs it, for the benchmark's side-by-side rows: {@code alembic revision
 * --autogenerate} as a whole process, in a minimal Alembic project (src/test/resources/bench/
 * alembic/project: {@code alembic init}'s generic env.py with the models' metadata, {@code
 * compare_type} and {@code compare_server_default}) whose {@code models.py} is {@code
 * gen_schema.py}'s SQLAlchemy model, against the database Retort reads.
 *
 * <p>{@code home} is what {@code src/test/resources/bench/alembic/setup.sh} made: the checkouts of
 * alembic, SQLAlchemy and typing_extensions, and {@code home/python}, the interpreter with them on
 * its path. Python's bytecode is controlled per run: <em>compiled</em> runs read and write it under
 * a {@code PYTHONPYCACHEPREFIX} of the benchmark's own (filled by a first, uncounted run: what an
 * installed package has, since pip and Debian compile at install time); <em>no bytecode</em> runs
 * set {@code PYTHONDONTWRITEBYTECODE=1} with no prefix, so every module of alembic, SQLAlchemy,
 * typing_extensions and the project is compiled from source in every run (the standard library and
 * Debian's Mako and psycopg2 keep the bytecode their packages installed).
 */
final class Alembic {

  private final Path home;
  private final Path pycache;
  private final Map<String, String> versions;

  private Alembic(Path home, Path pycache, Map<String, String> versions) {
    this.home = home;
    this.pycache = pycache;
    this.versions = versions;
  }

  /**
   * Alembic from {@code bench.alembic}, or null with the reason printed when it is not set or not
   * usable.
   */
  static Alembic configured(String property, Path work) throws IOException {
    if (property == null || property.isBlank()) {
      System.err.println(
          "Alembic rows skipped: bench.alembic is not set (make it with"
              + " src/test/resources/bench/alembic/setup.sh DIR, then -Dbench.alembic=DIR)");
      return null;
    }
    Path home = Path.of(property).toAbsolutePath();
    Path python = home.resolve("python");
    Path versionsFile = home.resolve("versions.txt");
    if (!Files.isExecutable(python) || !Files.isRegularFile(versionsFile)) {
      System.err.println(
          "Alembic rows skipped: "
              + home
              + " has no python and versions.txt (run src/test/resources/bench/alembic/setup.sh "
              + home
              + ")");
      return null;
    }
    Map<String, String> versions = new LinkedHashMap<>();
    for (String line : Files.readAllLines(versionsFile)) {
      int space = line.indexOf(' ');
      if (space > 0) {
        versions.put(line.substring(0, space), line.substring(space + 1).strip());
      }
    }
    // Bytecode beside the checkouts' sources would make the runs without bytecode read it.
    for (String source : List.of("alembic", "sqlalchemy", "typing_extensions")) {
      deleteBytecode(home.resolve(source));
    }
    Path pycache = work.resolve("alembic-pycache");
    deleteTree(pycache);
    return new Alembic(home, pycache, versions);
  }

  /** "alembic 1.19.1, SQLAlchemy 2.0.52 (pure Python), Python 3.11.2". */
  String describe() {
    return "Alembic "
        + versions.getOrDefault("alembic", "?")
        + ", SQLAlchemy "
        + versions.getOrDefault("sqlalchemy", "?")
        + ", Python "
        + versions.getOrDefault("python", "?")
        + " (psycopg2 "
        + versions.getOrDefault("psycopg2", "?")
        + ")";
  }

  String version() {
    return versions.getOrDefault("alembic", "?");
  }

  /**
   * A fresh Alembic project in {@code dir} whose models are the SQLAlchemy module {@code models}.
   */
  static Path project(Path dir, Path models) throws IOException {
    deleteTree(dir);
    copyTree(template(), dir);
    Files.copy(models, dir.resolve("models.py"), StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(dir.resolve("migrations/versions/.keep"));
    return dir;
  }

  private static Path template() {
    try {
      return Path.of(Alembic.class.getResource("/bench/alembic/project/alembic.ini").toURI())
          .getParent();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("bench/alembic/project is not on the test class path", e);
    }
  }

  /** The command and environment of {@code alembic revision --autogenerate} in {@code project}. */
  Command revision(Path project, String databaseUrl, boolean bytecode) throws IOException {
    // Whatever the last run generated goes: Alembic refuses to autogenerate over a revision the
    // database has not reached.
    Path versionsDir = project.resolve("migrations/versions");
    try (Stream<Path> files = Files.list(versionsDir)) {
      for (Path file : files.toList()) {
        if (Files.isDirectory(file)) {
          deleteTree(file);
        } else {
          Files.delete(file);
        }
      }
    }
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("DATABASE_URL", databaseUrl);
    if (bytecode) {
      environment.put("PYTHONPYCACHEPREFIX", pycache.toString());
    } else {
      deleteBytecode(project);
      environment.put("PYTHONDONTWRITEBYTECODE", "1");
    }
    return new Command(
        List.of(
            home.resolve("python").toString(),
            "-m",
            "alembic",
            "revision",
            "--autogenerate",
            "-m",
            "bench"),
        project,
        environment);
  }

  /** What to run, where, with which environment (on top of one without PYTHON* and PG*). */
  record Command(List<String> command, Path directory, Map<String, String> environment) {}

  /** The generated revision's upgrade(): its operations, one a line. */
  static List<String> upgradeOperations(Path project) throws IOException {
    Path versionsDir = project.resolve("migrations/versions");
    List<Path> scripts;
    try (Stream<Path> files = Files.list(versionsDir)) {
      scripts = files.filter(f -> f.toString().endsWith(".py")).toList();
    }
    if (scripts.size() != 1) {
      throw new IllegalStateException("expected one generated revision in " + versionsDir);
    }
    String text = Files.readString(scripts.get(0));
    int start = text.indexOf("def upgrade()");
    int end = text.indexOf("def downgrade()");
    List<String> operations = new ArrayList<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.strip().startsWith("op.")) {
        operations.add(line.strip());
      }
    }
    return operations;
  }

  private static final Pattern EDIT =
      Pattern.compile(
          "\"kind\": \"(\\w+)\",\\s*\"table\": \"(\\w+)\",\\s*\"column\": (?:\"(\\w+)\"|null)");

  /**
   * Checks Alembic's output on the unchanged model (an empty upgrade) or the edited one (for every
   * edit in {@code edits.json}, an operation line naming its table and column, except for a value
   * added to an enum type, which Alembic does not compare). Returns what it found, for the report.
   */
  static String verify(Path project, Path editsJson, boolean edited) throws IOException {
    List<String> operations = upgradeOperations(project);
    if (!edited) {
      if (!operations.isEmpty()) {
        throw new IllegalStateException(
            "Alembic found changes in the unchanged model: " + String.join("\n", operations));
      }
      return "empty upgrade";
    }
    Matcher edit = EDIT.matcher(Files.readString(editsJson));
    int edits = 0;
    int found = 0;
    while (edit.find()) {
      edits++;
      String kind = edit.group(1);
      if (kind.equals("add_enum_value")) {
        continue;
      }
      String table = "'" + edit.group(2) + "'";
      String column = edit.group(3);
      if (operations.stream()
          .noneMatch(op -> op.contains(table) && (column == null || op.contains(column)))) {
        throw new IllegalStateException(
            "Alembic missed edit "
                + kind
                + " of "
                + table
                + (column == null ? "" : "." + column)
                + ":\n"
                + String.join("\n", operations));
      }
      found++;
    }
    if (edits == 0) {
      throw new IllegalStateException("no edits in " + editsJson);
    }
    return found
        + " of "
        + edits
        + " edits in the upgrade"
        + (found == edits ? "" : " (the others add enum values, which Alembic does not compare)");
  }

  private static void deleteBytecode(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> caches;
    try (Stream<Path> files = Files.walk(root)) {
      caches =
          files
              .filter(f -> Files.isDirectory(f) && f.getFileName().toString().equals("__pycache__"))
              .toList();
    }
    for (Path cache : caches) {
      deleteTree(cache);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          file -> {
            try {
              Path target = to.resolve(from.relativize(file).toString());
              if (Files.isDirectory(file)) {
                Files.createDirectories(target);
              } else {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
