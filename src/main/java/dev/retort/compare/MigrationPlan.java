package dev.retort.compare;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.operation.Operation;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.OrdinalOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
   * type (the reverses of several added values) become one; an index a constraint took over goes
   * with the constraint.
   */
  public List<Operation> downgrade() {
    List<Operation> reversed = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      for (Operation operation : changes.get(i).operation().reverse()) {
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
        } else if (operation instanceof DropIndex drop
            && previous instanceof DropConstraint constraint
            && constraint.name().equals(drop.index().name())
            && Objects.equals(constraint.table().schema(), drop.index().schema())) {
          // The constraint had taken the index over (ADD CONSTRAINT ... USING INDEX): it is gone.
          continue;
        } else {
          reversed.add(operation);
        }
      }
    }
    return withoutPassingChecks(reversed);
  }

  /**
   * A check added and dropped again within the downgrade (the reverse of an online SET NOT NULL's
   * helper check) changes nothing, but would read the whole table under ACCESS EXCLUSIVE: both go.
   */
  private static List<Operation> withoutPassingChecks(List<Operation> operations) {
    List<Operation> kept = new ArrayList<>(operations);
    for (int i = 0; i < kept.size(); i++) {
      if (kept.get(i) instanceof AddConstraint add
          && add.constraint() instanceof CheckConstraint check
          && check.name() != null) {
        for (int j = i + 1; j < kept.size(); j++) {
          if (kept.get(j) instanceof DropConstraint drop
              && drop.table().equals(add.table())
              && drop.name().equals(check.name())) {
            kept.remove(j);
            kept.remove(i);
            i--;
            break;
          }
        }
      }
    }
    return kept;
  }

  /** Every flag, attached to an operation or not, in plan order. */
  public List<ReviewFlag> flags() {
    List<ReviewFlag> all = new ArrayList<>();
    changes.forEach(c -> all.addAll(c.flags()));
    all.addAll(notes);
    return all;
  }
}
