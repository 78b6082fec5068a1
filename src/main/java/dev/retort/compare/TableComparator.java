package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.Change;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DropTable;
import dev.retort.operation.RenameTable;
import dev.retort.operation.SetTableComment;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tables: created (foreign keys inline where their target exists before them, see {@link
 * OperationOrder#dependencyOrder}), dropped, rename candidates, and the contents of tables on both
 * sides.
 */
final class TableComparator {

  private final Schema live;
  private final ComparisonInput input;

  /**
   * @param live the live schema after the requested renames
   */
  TableComparator(Schema live, ComparisonInput input) {
    this.live = live;
    this.input = input;
  }

  Findings compare() {
    Findings findings = Findings.NONE;
    List<Table> created = new ArrayList<>();
    List<Table> dropped = new ArrayList<>();
    for (Merge.Pair<Table> pair :
        Merge.merge(live.tables(), input.target().tables(), Table::name)) {
      if (pair.onlyTo()) {
        created.add(pair.to());
      } else if (pair.onlyFrom()) {
        dropped.add(pair.from());
      } else {
        findings = findings.plus(contents(pair.from(), pair.to()));
      }
    }
    Map<QualifiedName, ReviewFlag> renameFlags = renameCandidates(created, dropped);
    List<PlannedChange> changes = new ArrayList<>(creations(created, renameFlags));
    for (Table table : dropped) {
      List<ReviewFlag> flags = new ArrayList<>();
      flags.add(
          ReviewFlag.of(
              Kind.DATA_LOSS,
              "dropping table "
                  + table.name()
                  + " deletes its rows; the downgrade"
                  + " recreates the table but not its rows"));
      changes.add(
          new PlannedChange(
              new DropTable(table.name(), table, ownedSequences(table)),
              "removed table '" + table.name() + "'",
              flags));
    }
    return findings.plus(changes);
  }

  /** The sequences the table's serial columns own: they go with it, and come back with it. */
  private List<Sequence> ownedSequences(Table table) {
    return live.sequences().stream()
        .filter(s -> s.ownedBy() != null && s.ownedBy().table().equals(table.name()))
        .toList();
  }

  private Findings contents(Table from, Table to) {
    Findings findings =
        Findings.of(new ColumnComparator(to.name(), live).compare(from.columns(), to.columns()))
            .plus(
                new ConstraintComparator(
                        to.name(), input.provenance(), input.recordedOrdinalOrders())
                    .compare(from, to));
    if (Objects.equals(from.comment(), to.comment())) {
      return findings;
    }
    return findings.plus(
        List.of(
            PlannedChange.of(
                new SetTableComment(to.name(), Change.of(from.comment(), to.comment())),
                "changed comment of table '" + to.name() + "'")));
  }

  /** A dropped and a created table with the same columns may be one table renamed. */
  private Map<QualifiedName, ReviewFlag> renameCandidates(
      List<Table> created, List<Table> dropped) {
    Map<QualifiedName, ReviewFlag> flags = new TreeMap<>();
    Set<QualifiedName> used = new HashSet<>();
    for (Table table : created) {
      for (Table old : dropped) {
        if (!used.contains(old.name()) && sameColumns(old, table)) {
          used.add(old.name());
          flags.put(
              table.name(),
              new ReviewFlag(
                  Kind.RENAME,
                  "table "
                      + old.name()
                      + " is dropped and "
                      + table.name()
                      + " created with the same columns; if this is a"
                      + " rename, replace this createTable and the dropTable below (or re-run with --rename "
                      + old.name()
                      + "="
                      + table.name().name()
                      + ")",
                  Alternative.run(new RenameTable(old.name(), table.name().name()))));
          break;
        }
      }
    }
    return flags;
  }

  private static boolean sameColumns(Table a, Table b) {
    if (a.columns().size() != b.columns().size()) {
      return false;
    }
    Map<String, SqlType> right = new LinkedHashMap<>();
    b.columns().forEach(c -> right.put(c.name(), c.type()));
    return a.columns().stream()
        .allMatch(
            c ->
                right.containsKey(c.name())
                    && TypeChanges.equivalent(c.type(), right.get(c.name())));
  }

  /**
   * New tables in dependency order. A foreign key stays inline when its target exists before the
   * table is created; otherwise (a cycle, or a target created later) it is added at the end.
   */
  private List<PlannedChange> creations(
      List<Table> created, Map<QualifiedName, ReviewFlag> renameFlags) {
    List<PlannedChange> changes = new ArrayList<>();
    Set<QualifiedName> existing = new HashSet<>();
    live.tables().forEach(t -> existing.add(t.name()));
    Set<QualifiedName> available = new HashSet<>(existing);
    for (Table table : OperationOrder.dependencyOrder(created, existing)) {
      available.add(table.name());
      List<ForeignKey> inline = new ArrayList<>();
      for (ForeignKey fk : table.foreignKeys()) {
        if (available.contains(fk.target())) {
          inline.add(fk);
        } else {
          changes.add(
              PlannedChange.of(
                  new AddConstraint(table.name(), fk, false),
                  "added foreign key '"
                      + fk.name()
                      + "' on "
                      + table.name()
                      + " -> "
                      + fk.target()));
        }
      }
      List<ReviewFlag> flags =
          renameFlags.containsKey(table.name())
              ? List.of(renameFlags.get(table.name()))
              : List.of();
      changes.add(
          new PlannedChange(
              new CreateTable(table.withForeignKeys(inline).withIndexes(List.of())),
              "added table '" + table.name() + "'",
              flags));
      for (Index index : table.indexes()) {
        changes.add(
            PlannedChange.of(
                new CreateIndex(table.name(), index, false),
                "added index '" + index.name() + "' on " + table.name()));
      }
    }
    return changes;
  }
}
