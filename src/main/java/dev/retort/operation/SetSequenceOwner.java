package dev.retort.operation;

import dev.retort.schema.ColumnRef;
import dev.retort.schema.QualifiedName;
import java.util.List;

/**
 * {@code ALTER SEQUENCE ... OWNED BY table.column} (or {@code NONE}): the sequence goes with the
 * column. What a serial column's sequence needs when its table comes back in a downgrade.
 */
public record SetSequenceOwner(QualifiedName sequence, Change<ColumnRef> owner)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (!owner.fromKnown()) {
      return List.of(Irreversible.unknownState("the owner of sequence " + sequence + " was set"));
    }
    return List.of(new SetSequenceOwner(sequence, owner.reverse()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
