package dev.retort.compare;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableSize;

/**
 * What one operation does to the busiest table it touches while it runs: the lock it takes, what
 * waits behind that lock, and how long it is held. The {@code // LOCK:} line of a generated
 * migration, and the same in the console and JSON.
 *
 * @param table the table locked, or null when the operation locks no existing table
 * @param size the table's size when the plan was made, or null when unknown (a new table)
 * @param alsoLocked another table locked too (a foreign key's referenced table), or null
 */
public record LockImpact(
    Level level, QualifiedName table, Duration duration, TableSize size, QualifiedName alsoLocked) {

  /** PostgreSQL's table lock modes, weakest first; what each lets other sessions do. */
  public enum Level {
    NONE("none", "nothing waits"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "reads and writes go on"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "reads and writes go on"),
    SHARE("SHARE", "writes wait"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "writes wait"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "reads and writes wait");

    private final String sql;
    private final String waits;

    Level(String sql, String waits) {
      this.sql = sql;
      this.waits = waits;
    }

    public String sql() {
      return sql;
    }

    public String waits() {
      return waits;
    }

    /** Whether writers queue behind it. */
    public boolean blocksWrites() {
      return compareTo(SHARE) >= 0;
    }
  }

  /** How long the lock is held, by what the statement does with the table's rows. */
  public enum Duration {
    BRIEF("brief"),
    NEW_TABLE("no other session sees the table yet"),
    SCANS("while it reads every row"),
    BUILDS_INDEX("while it builds the index"),
    BUILDS_INDEX_CONCURRENTLY("while it builds the index concurrently"),
    VALIDATES("while it validates every row"),
    REWRITES("while it rewrites the table"),
    BATCHES("for one batch of rows at a time"),
    UNKNOWN("not analyzed: raw SQL ('retort lint' reads it)");

    private final String text;

    Duration(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** Whether the time it takes grows with the table's rows. */
    public boolean growsWithRows() {
      return this == SCANS
          || this == BUILDS_INDEX
          || this == BUILDS_INDEX_CONCURRENTLY
          || this == VALIDATES
          || this == REWRITES
          || this == BATCHES;
    }
  }

  public static LockImpact of(Level level, QualifiedName table, Duration duration) {
    return new LockImpact(level, table, duration, null, null);
  }

  public LockImpact withSize(TableSize value) {
    return new LockImpact(level, table, duration, value, alsoLocked);
  }

  /** The same lock, held only for a catalog change. */
  public LockImpact briefly() {
    return new LockImpact(level, table, Duration.BRIEF, size, alsoLocked);
  }

  public LockImpact alsoLocking(QualifiedName other) {
    return new LockImpact(level, table, duration, size, other);
  }
}
