package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.operation.Operation;
import java.util.List;

/**
 * Turns a plan into the two method bodies of a migration class: the upgrade with each review flag
 * as a comment right above its operation, and the downgrade as the plan's reverse.
 */
public final class MigrationRenderer {

  private final OperationRenderer operations = new OperationRenderer();

  public CodeBlock upgrade(MigrationPlan plan) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean first = true;
    for (PlannedChange change : plan.changes()) {
      if (!change.flags().isEmpty() && !first) {
        code.add("\n");
      }
      for (ReviewFlag flag : change.flags()) {
        ReviewText.comment(flag).forEach(line -> code.add("$L\n", line));
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

  /** The review notes for the class header: one per flag, in plan order. */
  public static List<String> reviewNotes(MigrationPlan plan) {
    return plan.flags().stream().map(ReviewText::headerNote).toList();
  }
}
