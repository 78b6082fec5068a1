package dev.retort.render;

import com.palantir.javapoet.CodeBlock;
import dev.retort.schema.OrdinalOrder;
import java.util.List;

/**
 * What a generated migration class says: identity, place in the graph, and the two method bodies.
 *
 * @param reviewNotes one line per review flag, listed in the header Javadoc
 * @param origin how the class came to be, for the header ("retort revision --autogenerate")
 * @param ordinalOrders recorded as {@code @OrdinalEnum} annotations
 */
public record MigrationClass(
    String packageName,
    String className,
    String id,
    List<String> revises,
    String created,
    String message,
    String origin,
    List<String> reviewNotes,
    boolean transactional,
    List<OrdinalOrder> ordinalOrders,
    CodeBlock upgrade,
    CodeBlock downgrade) {

  public MigrationClass {
    revises = List.copyOf(revises);
    reviewNotes = List.copyOf(reviewNotes);
    ordinalOrders = List.copyOf(ordinalOrders);
  }
}
