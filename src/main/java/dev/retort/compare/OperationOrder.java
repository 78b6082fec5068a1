package dev.retort.compare;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.AlterSequence;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.Comment;
import dev.retort.operation.CreateEnumType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSchema;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Decision;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropEnumType;
import dev.retort.operation.DropIndex;
import dev.retort.operation.DropSchema;
import dev.retort.operation.DropSequence;
import dev.retort.operation.DropTable;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.Irreversible;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationVisitor;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameConstraint;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.RenameIndex;
import dev.retort.operation.RenameTable;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.operation.SetSequenceOwner;
import dev.retort.operation.SetTableComment;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that decides in which order a plan's operations run: each operation belongs to a
 * {@link Phase}, each phase says why it comes where it does, and within the phases that create and
 * drop tables, tables follow their foreign keys. Otherwise the sort is stable: the comparators'
 * order (by name) is kept. Running the reversed operations backwards is the downgrade, and is valid
 * for the same reasons.
 */
final class OperationOrder implements OperationVisitor<OperationOrder.Phase> {

  /** The phases of a plan, in the order they run. */
  enum Phase {
    CREATE_SCHEMAS("schemas first: everything else may live in one"),
    CHANGE_TYPES(
        "types before the columns that use them; a replaced enum type retypes its columns while"
            + " they still hold only the values they had"),
    CHANGE_SEQUENCES("sequences before the defaults that call nextval on them"),
    DROP_FOREIGN_KEYS(
        "foreign keys go first, so the keys, columns and tables they reference can change or go"),
    DROP_CONSTRAINTS_AND_INDEXES(
        "other constraints and indexes before the columns they cover are altered or dropped"),
    RENAME_TABLES("renames before anything refers to the new names"),
    RENAME_COLUMNS("columns after their tables: a column rename names the table's new name"),
    CREATE_TABLES(
        "new tables, each after the tables its foreign keys reference, before columns that may"
            + " reference them"),
    DROP_RECREATED_COLUMNS(
        "a column recreated under its own name (a changed generation expression) goes just before"
            + " it comes back"),
    ADD_COLUMNS(
        "columns are added before others are dropped: a rename candidate reads as a pair, and data"
            + " can be copied across in between"),
    CHANGE_IN_PLACE(
        "changes in place, and data moves (an ORDINAL enum remapped), once the columns are in"
            + " place: after the old checks are dropped, before the new ones the moved values must"
            + " satisfy are added"),
    DROP_COLUMNS("columns go once the data that may move across has moved"),
    ADD_CONSTRAINTS_AND_INDEXES("keys, checks and indexes once their columns are in place"),
    ADD_FOREIGN_KEYS(
        "foreign keys last, when every key they reference exists, and validated after they are"
            + " added"),
    DROP_TABLES(
        "tables after the foreign keys into them are gone, each before the tables it references"),
    DROP_SEQUENCES("sequences once no default uses them"),
    DROP_TYPES("types once no column uses them"),
    DROP_SCHEMAS("schemas once they are empty"),
    LAST("never planned by the comparators; last, where it stops a downgrade before anything else");

    private final String reason;

    Phase(String reason) {
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  private static final OperationOrder PHASES = new OperationOrder();

  private OperationOrder() {}

  static List<PlannedChange> sort(List<PlannedChange> changes) {
    Set<ColumnRef> added = new HashSet<>();
    List<Table> created = new ArrayList<>();
    List<Table> dropped = new ArrayList<>();
    for (PlannedChange change : changes) {
      Operation operation = change.operation();
      if (operation instanceof AddColumn add) {
        added.add(new ColumnRef(add.table(), add.column().name()));
      } else if (operation instanceof CreateTable create) {
        created.add(create.table());
      } else if (operation instanceof DropTable drop && drop.existing() != null) {
        dropped.add(drop.existing());
      }
    }
    Map<QualifiedName, Integer> createdPosition = positions(dependencyOrder(created, Set.of()));
    List<Table> dropOrder = new ArrayList<>(dependencyOrder(dropped, Set.of()));
    Collections.reverse(dropOrder);
    Map<QualifiedName, Integer> droppedPosition = positions(dropOrder);
    return changes.stream()
        .sorted(
            Comparator.comparing((PlannedChange c) -> phase(c.operation(), added))
                .thenComparingInt(
                    c -> tablePosition(c.operation(), createdPosition, droppedPosition)))
        .toList();
  }

  static Phase phase(Operation operation) {
    return operation.accept(PHASES);
  }

  private static Phase phase(Operation operation, Set<ColumnRef> addedColumns) {
    if (operation instanceof DropColumn drop
        && addedColumns.contains(new ColumnRef(drop.table(), drop.column()))) {
      return Phase.DROP_RECREATED_COLUMNS;
    }
    return phase(operation);
  }

  /**
   * Where an operation stands among those of its phase: the position of a created table (its
   * creation, indexes and deferred foreign keys follow the dependency order), of a dropped table,
   * or before all of those for operations on tables that stay.
   */
  private static int tablePosition(
      Operation operation,
      Map<QualifiedName, Integer> createdPosition,
      Map<QualifiedName, Integer> droppedPosition) {
    if (operation instanceof CreateTable create) {
      return createdPosition.get(create.table().name());
    }
    if (operation instanceof CreateIndex index) {
      return createdPosition.getOrDefault(index.table(), -1);
    }
    if (operation instanceof AddConstraint constraint) {
      return createdPosition.getOrDefault(constraint.table(), -1);
    }
    if (operation instanceof DropTable drop) {
      return droppedPosition.getOrDefault(drop.name(), -1);
    }
    return -1;
  }

  private static Map<QualifiedName, Integer> positions(List<Table> order) {
    Map<QualifiedName, Integer> positions = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      positions.put(order.get(i).name(), i);
    }
    return positions;
  }

  /**
   * Tables ordered so that each comes after those its foreign keys reference (Kahn's algorithm,
   * ties by name); a foreign key into a table not among them counts as satisfied when the table is
   * {@code alreadyThere} or not being ordered at all. In a cycle the first table by name goes
   * first: its foreign keys into the cycle must then be added after the tables exist.
   */
  static List<Table> dependencyOrder(List<Table> tables, Set<QualifiedName> alreadyThere) {
    Map<QualifiedName, Table> byName = new TreeMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    List<Table> order = new ArrayList<>();
    Set<QualifiedName> placed = new HashSet<>(alreadyThere);
    while (!byName.isEmpty()) {
      Table next =
          byName.values().stream()
              .filter(
                  t ->
                      t.foreignKeys().stream()
                          .allMatch(
                              fk ->
                                  placed.contains(fk.target())
                                      || fk.target().equals(t.name())
                                      || !byName.containsKey(fk.target())))
              .findFirst()
              .orElse(byName.values().iterator().next());
      byName.remove(next.name());
      placed.add(next.name());
      order.add(next);
    }
    return order;
  }

  @Override
  public Phase visit(CreateSchema op) {
    return Phase.CREATE_SCHEMAS;
  }

  @Override
  public Phase visit(CreateEnumType op) {
    return Phase.CHANGE_TYPES;
  }

  @Override
  public Phase visit(AddEnumValue op) {
    return Phase.CHANGE_TYPES;
  }

  @Override
  public Phase visit(RenameEnumValue op) {
    return Phase.CHANGE_TYPES;
  }

  @Override
  public Phase visit(ReplaceEnumType op) {
    return Phase.CHANGE_TYPES;
  }

  @Override
  public Phase visit(CreateSequence op) {
    return Phase.CHANGE_SEQUENCES;
  }

  @Override
  public Phase visit(AlterSequence op) {
    return Phase.CHANGE_SEQUENCES;
  }

  @Override
  public Phase visit(DropConstraint op) {
    return op.existing() instanceof ForeignKey
        ? Phase.DROP_FOREIGN_KEYS
        : Phase.DROP_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(DropIndex op) {
    return Phase.DROP_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(RenameTable op) {
    return Phase.RENAME_TABLES;
  }

  @Override
  public Phase visit(RenameColumn op) {
    return Phase.RENAME_COLUMNS;
  }

  @Override
  public Phase visit(CreateTable op) {
    return Phase.CREATE_TABLES;
  }

  @Override
  public Phase visit(AddColumn op) {
    return Phase.ADD_COLUMNS;
  }

  @Override
  public Phase visit(AlterColumn op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(SetTableComment op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(ExecuteSql op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(BulkInsert op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(DropColumn op) {
    return Phase.DROP_COLUMNS;
  }

  @Override
  public Phase visit(AddConstraint op) {
    return op.constraint() instanceof ForeignKey
        ? Phase.ADD_FOREIGN_KEYS
        : Phase.ADD_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(CreateIndex op) {
    return Phase.ADD_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(ValidateConstraint op) {
    return Phase.ADD_FOREIGN_KEYS;
  }

  @Override
  public Phase visit(DropTable op) {
    return Phase.DROP_TABLES;
  }

  @Override
  public Phase visit(DropSequence op) {
    return Phase.DROP_SEQUENCES;
  }

  @Override
  public Phase visit(DropEnumType op) {
    return Phase.DROP_TYPES;
  }

  @Override
  public Phase visit(DropSchema op) {
    return Phase.DROP_SCHEMAS;
  }

  @Override
  public Phase visit(SetSequenceOwner op) {
    return Phase.ADD_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(Comment op) {
    return Phase.LAST;
  }

  @Override
  public Phase visit(Irreversible op) {
    return Phase.LAST;
  }

  @Override
  public Phase visit(AddConstraintUsingIndex op) {
    return Phase.ADD_CONSTRAINTS_AND_INDEXES;
  }

  @Override
  public Phase visit(BackfillColumn op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(Decision op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(RenameConstraint op) {
    return Phase.CHANGE_IN_PLACE;
  }

  @Override
  public Phase visit(RenameIndex op) {
    return Phase.CHANGE_IN_PLACE;
  }
}
