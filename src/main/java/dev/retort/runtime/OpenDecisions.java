package dev.retort.runtime;

import dev.retort.operation.Decision;
import dev.retort.operation.DryRun;
import java.util.List;

/**
 * The decisions a migration leaves open ({@code op.decide(...)}), read from its dry run before
 * anything reaches the database.
 */
public final class OpenDecisions {

  /** An open decision and the line of the migration's source that holds it (0 when unknown). */
  public record Open(String question, int line) {}

  private OpenDecisions() {}

  public static List<Open> in(DryRun run) {
    return run.operations().stream()
        .filter(issued -> issued.operation() instanceof Decision)
        .map(issued -> new Open(((Decision) issued.operation()).question(), issued.line()))
        .toList();
  }
}
