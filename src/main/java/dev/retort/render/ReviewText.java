package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.compare.Alternative;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.postgres.Identifiers;
import java.util.ArrayList;
import java.util.List;

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
          .append('}');
    }
    out.append(changes.isEmpty() ? "" : "\n  ")
        .append("],\n  \"notes\": ")
        .append(jsonFlags(plan.notes()))
        .append("\n}");
    return out.toString();
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
}
