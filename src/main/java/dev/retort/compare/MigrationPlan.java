package dev.retort.compare;

import dev.retort.operation.Operation;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.schema.OrdinalOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What autogenerate found: ordered changes (the upgrade), notes that belong to no single operation
 * (things not compared), whether it can run in one transaction, and the ORDINAL enum orders the
 * migration records.
 */
public record MigrationPlan(
    List<PlannedChange> changes,
    List<ReviewFlag> notes,
    boolean transactional,
    List<OrdinalOrder> ordinalOrders) {

  public MigrationPlan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    ordinalOrders = List.copyOf(ordinalOrders);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public List<Operation> upgrade() {
    return changes.stream().map(PlannedChange::operation).toList();
  }

  /**
   * The downgrade: every change's reverse, last change first. Successive replacements of one enum
   * type (the reverses of several added values) become one.
   */
  public List<Operation> downgrade() {
    List<Operation> reversed = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      for (Operation operation : changes.get(i).reverse()) {
        Operation previous = reversed.isEmpty() ? null : reversed.get(reversed.size() - 1);
        if (operation instanceof ReplaceEnumType
            && previous instanceof ReplaceEnumType
            && ((ReplaceEnumType) previous).type().equals(((ReplaceEnumType) operation).type())) {
          ReplaceEnumType first = (ReplaceEnumType) previous;
          reversed.set(
              reversed.size() - 1,
              new ReplaceEnumType(
                  first.type(),
                  first.fromValues(),
                  ((ReplaceEnumType) operation).toValues(),
                  first.usedBy()));
        } else {
          reversed.add(operation);
        }
      }
    }
    return reversed;
  }

  /** Every flag, attached to an operation or not, in plan order. */
  public List<ReviewFlag> flags() {
    List<ReviewFlag> all = new ArrayList<>();
    changes.forEach(c -> all.addAll(c.flags()));
    all.addAll(notes);
    return all;
  }
}
