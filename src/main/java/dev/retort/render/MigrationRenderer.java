package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plan into the two method bodies of a migration class: the upgrade with each review flag
 * as a comment right above its operation, and the downgrade as the plan's reverse.
 */
public final class MigrationRenderer {

  /** Review comments wrap here, so a reviewer reads them without scrolling sideways. */
  static final int COMMENT_WIDTH = 96;

  private final OperationRenderer operations = new OperationRenderer();

  public CodeBlock upgrade(MigrationPlan plan) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean first = true;
    for (PlannedChange change : plan.changes()) {
      if (!change.flags().isEmpty() && !first) {
        code.add("\n");
      }
      for (ReviewFlag flag : change.flags()) {
        comment(code, "REVIEW(" + flag.kind().label() + "): " + flag.message());
        flag.alternative().forEach(line -> code.add("$L\n", JavaComments.safe(line)));
      }
      code.add(operations.render(change.operation()));
      first = false;
    }
    return code.build();
  }

  public CodeBlock downgrade(MigrationPlan plan) {
    return operations(plan.downgrade());
  }

  public CodeBlock operations(List<Operation> list) {
    CodeBlock.Builder code = CodeBlock.builder();
    list.forEach(operation -> code.add(operations.render(operation)));
    return code.build();
  }

  /**
   * The review notes for the class header: one line per flag, in plan order. A message that
   * introduces its alternative with a colon points at the comment instead, because the header lists
   * messages without the code that follows them.
   */
  public static List<String> reviewNotes(MigrationPlan plan) {
    List<String> notes = new ArrayList<>();
    for (ReviewFlag flag : plan.flags()) {
      String message = flag.message();
      if (message.endsWith(":") && !flag.alternative().isEmpty()) {
        message =
            message.substring(0, message.length() - 1)
                + " (the comment at the operation shows how).";
      }
      notes.add(flag.kind().label() + ": " + message);
    }
    return notes;
  }

  private static void comment(CodeBlock.Builder code, String text) {
    String prefix = "// ";
    StringBuilder line = new StringBuilder();
    for (String word : JavaComments.safe(text).split(" ")) {
      if (line.length() > 0 && line.length() + word.length() + 1 > COMMENT_WIDTH) {
        code.add("$L\n", prefix + line);
        line.setLength(0);
        prefix = "//   ";
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      code.add("$L\n", prefix + line);
    }
  }
}
