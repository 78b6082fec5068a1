package dev.retort.measure;

import dev.retort.runtime.StatementObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records, for each migration statement, the table locks its session holds and whether it rewrote a
 * table (its {@code relfilenode} changed). Inside a transaction the session's own {@code pg_locks}
 * rows are read right after the statement, and the locks count as held until the step commits; a
 * statement that commits on its own (a concurrent index build) releases them before it returns, so
 * a second connection samples {@code pg_locks} for the session while it runs.
 */
public final class LockRecorder implements StatementObserver {

  /** One lock a statement took on a table that held rows. */
  public record Held(String table, String mode) {}

  /**
   * @param heldMillis how long the statement's locks were held: to the step's commit inside a
   *     transaction, its own run otherwise
   */
  public record Measured(
      String revision,
      String statement,
      long statementMillis,
      long heldMillis,
      List<Held> locks,
      List<String> rewritten) {}

  /** A table that held rows before the run: its name, rows and storage file. */
  private record Table(String name, long rows, long relfilenode) {}

  private static final String OWN_LOCKS =
      "SELECT l.relation::bigint, l.mode FROM pg_locks l"
          + " WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted";

  private final Connection sampler;
  private final Map<Long, Table> tables;
  private final List<Measured> measured = new ArrayList<>();
  private final List<Open> inTransaction = new ArrayList<>();
  private final Set<String> seenInTransaction = new TreeSet<>();
  private Integer pid;
  private Open current;

  /** A statement being measured. */
  private static final class Open {
    final String revision;
    final String statement;
    final long start = System.nanoTime();
    long end;
    final Set<String> locks = ConcurrentHashMap.newKeySet();
    final Map<Long, Long> filesBefore;
    final List<String> rewritten = new ArrayList<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    Thread sampling;
    boolean ownTransaction;

    Open(String revision, String statement, Map<Long, Long> filesBefore) {
      this.revision = revision;
      this.statement = statement;
      this.filesBefore = filesBefore;
    }
  }

  private LockRecorder(Connection sampler, Map<Long, Table> tables) {
    this.sampler = sampler;
    this.tables = tables;
  }

  /**
   * @param migration the connection the migrations run on (tables are read from it)
   * @param sampler a second connection to the same database
   */
  public static LockRecorder start(Connection migration, Connection sampler) throws SQLException {
    Map<Long, Table> tables = new HashMap<>();
    try (Statement statement = migration.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT c.oid::bigint, c.oid::regclass::text, c.reltuples::bigint, c.relfilenode"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'r' AND c.reltuples > 0"
                    + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')")) {
      while (rs.next()) {
        tables.put(rs.getLong(1), new Table(rs.getString(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return new LockRecorder(sampler, tables);
  }

  public List<Measured> measured() {
    return List.copyOf(measured);
  }

  @Override
  public void before(Connection connection, String revision, String sql) throws SQLException {
    if (pid == null) {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
    }
    current = new Open(revision, sql, files(connection));
    if (connection.getAutoCommit() && mayRunInTransaction(sql)) {
      // Run in a transaction of its own, committed in after(): its locks can then be read exactly,
      // however brief the statement.
      connection.setAutoCommit(false);
      current.ownTransaction = true;
    } else if (connection.getAutoCommit()) {
      Open open = current;
      open.sampling = new Thread(() -> sample(open), "retort-lock-sampler");
      open.sampling.setDaemon(true);
      open.sampling.start();
    }
  }

  private void sample(Open open) {
    try (PreparedStatement statement = sampler.prepareStatement(OWN_LOCKS)) {
      statement.setInt(1, pid);
      while (open.running.get()) {
        read(statement, open.locks);
        Thread.sleep(2);
      }
    } catch (SQLException e) {
      // The sampler's connection went: what was seen so far stands.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read(PreparedStatement statement, Set<String> into) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Table table = tables.get(rs.getLong(1));
        if (table != null) {
          into.add(table.name() + "\t" + rs.getString(2));
        }
      }
    }
  }

  @Override
  public void after(Connection connection, String sql) throws SQLException {
    Open open = Objects.requireNonNull(current);
    open.end = System.nanoTime();
    if (open.sampling != null) {
      open.running.set(false);
      try {
        open.sampling.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      try (PreparedStatement statement = connection.prepareStatement(OWN_LOCKS)) {
        statement.setInt(1, pid);
        Set<String> all = new TreeSet<>();
        read(statement, all);
        // Locks an earlier statement of the step took are that statement's.
        all.removeAll(seenInTransaction);
        seenInTransaction.addAll(all);
        open.locks.addAll(all);
      }
    }
    Map<Long, Long> filesAfter = files(connection);
    open.filesBefore.forEach(
        (oid, file) -> {
          if (!file.equals(filesAfter.get(oid)) && filesAfter.containsKey(oid)) {
            open.rewritten.add(tables.get(oid).name());
          }
        });
    if (open.ownTransaction) {
      connection.commit();
      connection.setAutoCommit(true);
      seenInTransaction.clear();
      finish(open, System.nanoTime());
    } else if (open.sampling != null) {
      finish(open, open.end);
    } else {
      inTransaction.add(open);
    }
    current = null;
  }

  /** Whether PostgreSQL allows the statement in a transaction block. */
  private static boolean mayRunInTransaction(String sql) {
    String text = sql.strip().toUpperCase(Locale.ROOT);
    return !text.contains("CONCURRENTLY")
        && !text.startsWith("DO ")
        && !text.startsWith("VACUUM")
        && !text.startsWith("ALTER TYPE");
  }

  @Override
  public void stepCommitted(boolean transactional) {
    long now = System.nanoTime();
    inTransaction.forEach(open -> finish(open, now));
    inTransaction.clear();
    seenInTransaction.clear();
  }

  private void finish(Open open, long releasedAt) {
    List<Held> locks =
        open.locks.stream()
            .sorted()
            .map(entry -> entry.split("\t"))
            .map(parts -> new Held(parts[0], parts[1]))
            .toList();
    measured.add(
        new Measured(
            open.revision,
            open.statement,
            (open.end - open.start) / 1_000_000,
            (releasedAt - open.start) / 1_000_000,
            locks,
            List.copyOf(open.rewritten)));
  }

  /** The storage file of each table that held rows. */
  private Map<Long, Long> files(Connection connection) throws SQLException {
    Map<Long, Long> files = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT oid::bigint, relfilenode FROM pg_class WHERE relkind = 'r'")) {
      while (rs.next()) {
        if (tables.containsKey(rs.getLong(1))) {
          files.put(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    return files;
  }
}
