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

  private final OperationRenderer operations = new OperationRenderer();

  public MethodBody upgrade(MigrationPlan plan) {
    List<MethodBody.Part> parts = new ArrayList<>();
    for (PlannedChange change : plan.changes()) {
      CodeBlock.Builder code = CodeBlock.builder();
      if (!change.flags().isEmpty() && !parts.isEmpty()) {
        code.add("\n");
      }
      for (ReviewFlag flag : change.flags()) {
        ReviewText.comment(flag).forEach(line -> code.add("$L\n", line));
      }
      if (change.lock() != null) {
        code.add("// $L\n", ReviewText.lockLine(change.lock()));
      }
      code.add(operations.render(change.operation()));
      parts.add(new MethodBody.Part(code.build(), MethodBody.subject(change.operation())));
    }
    return new MethodBody(parts);
  }

  public MethodBody downgrade(MigrationPlan plan) {
    return operations(plan.downgrade());
  }

  public MethodBody operations(List<Operation> list) {
    return new MethodBody(
        list.stream()
            .map(
                operation ->
                    new MethodBody.Part(
                        operations.render(operation), MethodBody.subject(operation)))
            .toList());
  }

  /** The review notes for the class header: one per flag, in plan order. */
  public static List<String> reviewNotes(MigrationPlan plan) {
    return plan.flags().stream().map(ReviewText::headerNote).toList();
  }
}
