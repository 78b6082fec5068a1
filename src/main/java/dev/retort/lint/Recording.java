package dev.retort.lint;

import dev.retort.operation.Operation;
import java.util.List;

/**
 * What a migration's {@code upgrade} issued, each operation with the source line that issued it.
 *
 * @param stoppedAt why recording stopped before the end (it asked for the connection, or threw), or
 *     null when it ran to the end
 * @param stoppedLine the line where it stopped, or 0
 */
record Recording(
    boolean transactional, List<Issued> operations, String stoppedAt, int stoppedLine) {

  record Issued(Operation operation, int line) {}

  Recording {
    operations = List.copyOf(operations);
  }
}
