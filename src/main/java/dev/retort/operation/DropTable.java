package dev.retort.operation;

import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * @param existing the dropped table with its indexes, when known; needed to reverse
 * @param ownedSequences the sequences its serial columns own, which go with it and must come back
 *     with it
 */
public record DropTable(QualifiedName name, Table existing, List<Sequence> ownedSequences)
    implements Operation {

  public DropTable {
    ownedSequences = List.copyOf(ownedSequences);
  }

  @Override
  public List<Operation> reverse() {
    if (existing == null) {
      return List.of(Irreversible.unknownState("table " + name + " was dropped"));
    }
    List<Operation> ops = new ArrayList<>();
    // A serial column's default calls its sequence, so the sequence comes first; it is owned by
    // the column once the column is there again.
    for (Sequence sequence : ownedSequences) {
      ops.add(new CreateSequence(sequence.withOwnedBy(null)));
    }
    ops.add(new CreateTable(existing.withIndexes(List.of())));
    for (Index index : existing.indexes()) {
      ops.add(new CreateIndex(name, index, false));
    }
    for (Sequence sequence : ownedSequences) {
      ops.add(new SetSequenceOwner(sequence.name(), Change.of(null, sequence.ownedBy())));
    }
    return ops;
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
