package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.compare.Alternative;
import dev.retort.compare.LockImpact;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every text form of a review flag, in one place: the comment above its operation in the generated
 * class, the line in the class header, the console lines and the JSON of {@code check}. Java is
 * escaped by JavaPoet, SQL by the dialect's quoting, JSON by {@link Json}.
 */
public final class ReviewText {

  /** Review comments wrap here, so a reviewer reads them without scrolling sideways. */
  static final int COMMENT_WIDTH = 96;

  /** Header notes wrap here: with the Javadoc's {@code " * <li>"}, a line stays within 100. */
  static final int HEADER_WIDTH = 90;

  private static final OperationRenderer OPERATIONS = new OperationRenderer();

  private ReviewText() {}

  /**
   * The comment above the flagged operation: {@code // REVIEW(kind): message}, wrapped, then the
   * alternative as commented-out code a reviewer can uncomment.
   */
  static List<String> comment(ReviewFlag flag) {
    String text =
        "REVIEW("
            + flag.kind().label()
            + "): "
            + flag.message()
            + (flag.alternative().isEmpty() ? "" : ":");
    List<String> lines =
        new ArrayList<>(wrap(JavaComments.safe(text), COMMENT_WIDTH, "// ", "//   "));
    for (String line : alternativeLines(flag)) {
      lines.add(JavaComments.safe(line.startsWith("// ") ? line : "//   " + line));
    }
    return lines;
  }

  /** The flag's line in the class header, which lists messages without the code. */
  public static String headerNote(ReviewFlag flag) {
    return flag.kind().label()
        + ": "
        + flag.message()
        + (flag.alternative().isEmpty() ? "" : "; the comment at the operation shows how");
  }

  /**
   * The alternative as lines of code, one statement each; explanations between them as {@code //}
   * comments.
   */
  public static List<String> alternativeLines(ReviewFlag flag) {
    List<String> lines = new ArrayList<>();
    for (Alternative step : flag.alternative()) {
      if (step instanceof Alternative.Note note) {
        lines.add("// " + note.text());
      } else if (step instanceof Alternative.Run run) {
        lines.addAll(codeLines(OPERATIONS.render(run.operation())));
      } else {
        lines.addAll(codeLines(backfill((Alternative.Backfill) step)));
      }
    }
    return lines;
  }

  private static CodeBlock backfill(Alternative.Backfill backfill) {
    String sql =
        "UPDATE "
            + Identifiers.qualified(backfill.table())
            + " SET "
            + Identifiers.quote(backfill.column())
            + " = "
            + backfill.value()
            + (backfill.where() == null ? "" : " WHERE " + backfill.where());
    return CodeBlock.builder().addStatement("op.execute($S)", sql).build();
  }

  private static List<String> codeLines(CodeBlock code) {
    return List.of(code.toString().strip().split("\n"));
  }

  /**
   * What {@code check} reports, one change a line (indented), each with its lock and its review
   * flags with their alternatives, then the notes.
   */
  public static List<String> differenceLines(MigrationPlan plan) {
    List<String> lines = new ArrayList<>();
    for (PlannedChange change : plan.changes()) {
      lines.add("  " + change.summary());
      if (change.lock() != null) {
        lines.add("    " + lockLine(change.lock()));
      }
      for (ReviewFlag flag : change.flags()) {
        lines.add("    REVIEW(" + flag.kind().label() + ") " + flag.message());
        alternativeLines(flag)
            .forEach(line -> lines.add("      " + line.replaceFirst("^//\\s*", "")));
      }
    }
    for (ReviewFlag note : plan.notes()) {
      lines.add("  REVIEW(" + note.kind().label() + ") " + note.message());
    }
    return lines;
  }

  /** {@code {"inSync": false, "differences": [...], "notes": [...]}}, deterministic key order. */
  public static String json(MigrationPlan plan) {
    StringBuilder out =
        new StringBuilder("{\n  \"inSync\": ")
            .append(plan.isEmpty())
            .append(",\n  \"differences\": [");
    List<PlannedChange> changes = plan.changes();
    for (int i = 0; i < changes.size(); i++) {
      PlannedChange change = changes.get(i);
      out.append(i == 0 ? "\n" : ",\n")
          .append("    {\"summary\": ")
          .append(Json.string(change.summary()))
          .append(", \"operation\": ")
          .append(Json.string(change.operation().getClass().getSimpleName()))
          .append(", \"flags\": ")
          .append(jsonFlags(change.flags()))
          .append(", \"lock\": ")
          .append(jsonLock(change.lock()))
          .append('}');
    }
    out.append(changes.isEmpty() ? "" : "\n  ")
        .append("],\n  \"notes\": ")
        .append(jsonFlags(plan.notes()))
        .append("\n}");
    return out.toString();
  }

  private static String jsonLock(LockImpact lock) {
    if (lock == null) {
      return "null";
    }
    StringBuilder out =
        new StringBuilder("{\"level\": ")
            .append(Json.string(lock.level().sql()))
            .append(", \"table\": ")
            .append(lock.table() == null ? "null" : Json.string(lock.table().toString()))
            .append(", \"holds\": ")
            .append(Json.string(lock.duration().name().toLowerCase(Locale.ROOT)))
            .append(", \"blocksWrites\": ")
            .append(lock.level().blocksWrites());
    if (lock.size() != null) {
      out.append(", \"rows\": ")
          .append(lock.size().rows())
          .append(", \"bytes\": ")
          .append(lock.size().bytes());
    }
    return out.append(", \"text\": ").append(Json.string(lockLine(lock))).append('}').toString();
  }

  private static String jsonFlags(List<ReviewFlag> flags) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < flags.size(); i++) {
      ReviewFlag flag = flags.get(i);
      out.append(i == 0 ? "" : ", ")
          .append("{\"kind\": ")
          .append(Json.string(flag.kind().label()))
          .append(", \"message\": ")
          .append(Json.string(flag.message()));
      List<String> alternative = alternativeLines(flag);
      if (!alternative.isEmpty()) {
        out.append(", \"alternative\": [");
        for (int j = 0; j < alternative.size(); j++) {
          out.append(j == 0 ? "" : ", ").append(Json.string(alternative.get(j)));
        }
        out.append(']');
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  /** Words on lines of at most {@code width} characters after the prefix. */
  static List<String> wrap(String text, int width, String first, String next) {
    List<String> lines = new ArrayList<>();
    String prefix = first;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + word.length() + 1 > width) {
        lines.add(prefix + line);
        line.setLength(0);
        prefix = next;
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(prefix + line);
    }
    return lines;
  }

  /**
   * The {@code LOCK:} line of an operation: "SHARE on orders (writes wait) while it reads every row
   * to build the index; orders: ~120,000 rows, 14 MB".
   */
  public static String lockLine(LockImpact lock) {
    if (lock.duration() == LockImpact.Duration.UNKNOWN) {
      return "LOCK: " + lock.duration().text();
    }
    if (lock.duration() == LockImpact.Duration.NEW_TABLE) {
      return "LOCK: new table " + lock.table() + ": " + lock.duration().text();
    }
    StringBuilder line =
        new StringBuilder("LOCK: ").append(lock.level().sql()).append(" on ").append(lock.table());
    if (lock.alsoLocked() != null) {
      line.append(" and ").append(lock.alsoLocked());
    }
    line.append(lock.duration() == LockImpact.Duration.BRIEF ? ", " : " ")
        .append(lock.duration().text())
        .append(" (")
        .append(lock.level().waits())
        .append(")");
    if (lock.size() != null) {
      line.append("; ").append(lock.table()).append(": ").append(describe(lock.size()));
    }
    return line.toString();
  }

  /** "empty", "holds rows (not analyzed yet)", "~120,000 rows, 14 MB". */
  static String describe(TableSize size) {
    if (size.isEmpty()) {
      return "empty";
    }
    if (size.rows() == TableSize.UNKNOWN_ROWS) {
      return "holds rows (not analyzed yet)";
    }
    return String.format(Locale.ROOT, "~%,d rows, %s", size.rows(), bytes(size.bytes()));
  }

  /**
   * As pg_size_pretty spells sizes, from a megabyte up; below, "under 1 MB" (what a reviewer needs,
   * and the same on every server version).
   */
  private static String bytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return "under 1 MB";
    }
    String[] units = {"bytes", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 10 * 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return Math.round(value) + " " + units[unit];
  }
}
