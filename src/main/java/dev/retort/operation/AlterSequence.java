package dev.retort.operation;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.SequenceOptions;
import java.util.List;

/** Sets the options in {@code options.to()}; options equal to the default are reset to it. */
public record AlterSequence(QualifiedName name, Change<SequenceOptions> options)
    implements Operation {

  @Override
  public List<Operation> reverse() {
    if (!options.fromKnown()) {
      return List.of(Irreversible.unknownState("sequence " + name + " was altered"));
    }
    return List.of(new AlterSequence(name, options.reverse()));
  }

  @Override
  public <R> R accept(OperationVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
