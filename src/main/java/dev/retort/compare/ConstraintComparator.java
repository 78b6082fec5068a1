package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.operation.RenameConstraint;
import dev.retort.operation.RenameIndex;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Constraint;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keys, constraints and indexes of one table, matched by what they are, never by name: Hibernate
 * hashes foreign key and index names, and PostgreSQL names unnamed constraints itself. A unique
 * constraint and a plain unique index on the same columns are the same thing. Checks that guard a
 * Java enum column are compared as the enum they encode (see {@link EnumGuardComparator}).
 */
final class ConstraintComparator {

  private final QualifiedName table;
  private final EnumGuardComparator enumGuards;

  /**
   * @param recordedOrders what ORDINAL enum columns meant, as the migrations recorded it
   */
  ConstraintComparator(
      QualifiedName table,
      EntityProvenance provenance,
      Map<ColumnRef, OrdinalOrder> recordedOrders) {
    this.table = table;
    this.enumGuards = new EnumGuardComparator(table, provenance, recordedOrders);
  }

  Findings compare(Table from, Table to) {
    List<PlannedChange> changes = new ArrayList<>();
    List<ReviewFlag> notes = new ArrayList<>();
    if (differInOrderOnly(from.primaryKey(), to.primaryKey())) {
      notes.add(keyOrderNote(from.primaryKey(), to.primaryKey()));
    } else {
      changes.addAll(primaryKey(from.primaryKey(), to.primaryKey()));
    }
    changes.addAll(constraints(from.foreignKeys(), to.foreignKeys(), Shapes.FOREIGN_KEYS));
    Findings uniquesAndIndexes = uniquesAndIndexes(from, to);
    changes.addAll(uniquesAndIndexes.changes());
    changes.addAll(checks(from.checkConstraints(), to.checkConstraints()));
    notes.addAll(uniquesAndIndexes.notes());
    return new Findings(changes, notes);
  }

  /**
   * JPA cannot declare the order of a composite key's columns: Hibernate derives it (by attribute
   * name when reading the mapping, by its column ordering strategy when the SessionFactory creates
   * the schema), and another tool may have made the database's. The same columns in another order
   * is the same key to every query, so it is noted and left as it is, never dropped and re-added.
   */
  private static boolean differInOrderOnly(PrimaryKey from, PrimaryKey to) {
    return from != null
        && to != null
        && !from.columns().equals(to.columns())
        && new HashSet<>(from.columns()).equals(new HashSet<>(to.columns()));
  }

  private ReviewFlag keyOrderNote(PrimaryKey from, PrimaryKey to) {
    return ReviewFlag.of(
        Kind.NOT_COMPARED,
        "primary key of "
            + table
            + " is ("
            + String.join(", ", from.columns())
            + ") in the database and ("
            + String.join(", ", to.columns())
            + ") in the model: JPA cannot declare the order of a key's columns, so it is left as"
            + " it is");
  }

  private List<PlannedChange> primaryKey(PrimaryKey from, PrimaryKey to) {
    if (from == null && to == null
        || from != null && to != null && from.columns().equals(to.columns())) {
      return List.of();
    }
    List<PlannedChange> changes = new ArrayList<>();
    if (from != null) {
      changes.add(
          PlannedChange.of(
              new DropConstraint(table, from.name(), from),
              "removed primary key '"
                  + from.name()
                  + "' on "
                  + table
                  + " ("
                  + String.join(", ", from.columns())
                  + ")"));
    }
    if (to != null) {
      changes.add(
          PlannedChange.of(
              new AddConstraint(table, to, false),
              "added primary key '"
                  + to.name()
                  + "' on "
                  + table
                  + " ("
                  + String.join(", ", to.columns())
                  + ")"));
    }
    return changes;
  }

  <C extends Constraint> List<PlannedChange> constraints(
      List<C> from, List<C> to, Comparator<? super C> shapes) {
    List<PlannedChange> changes = new ArrayList<>();
    for (Merge.Pair<C> pair : Merge.merge(from, to, shapes)) {
      if (pair.onlyFrom()) {
        changes.add(
            PlannedChange.of(
                new DropConstraint(table, pair.from().name(), pair.from()),
                "removed " + describe(pair.from())));
      } else if (pair.onlyTo()) {
        changes.add(
            PlannedChange.of(
                new AddConstraint(table, pair.to(), false), "added " + describe(pair.to())));
      } else if (renamed(pair.from().name(), pair.to().name())) {
        changes.add(
            PlannedChange.of(
                new RenameConstraint(table, pair.from().name(), pair.to().name()),
                "renamed " + describe(pair.from()) + " to '" + pair.to().name() + "'"));
      }
    }
    return changes;
  }

  /**
   * The same constraint or index under another name the entities chose: renamed, so that later
   * steps written by the new name find it; a generated name is left as the database has it.
   */
  private static boolean renamed(String from, String to) {
    return from != null && to != null && !from.equals(to) && ChosenNames.isChosen(to);
  }

  /** Checks: enum guards compared as the enums they encode, the others by expression. */
  private List<PlannedChange> checks(List<CheckConstraint> from, List<CheckConstraint> to) {
    EnumGuardComparator.Remaining remaining = enumGuards.compare(from, to);
    List<PlannedChange> changes = new ArrayList<>(remaining.changes());
    changes.addAll(constraints(remaining.from(), remaining.to(), Shapes.CHECKS));
    return changes;
  }

  /**
   * Unique constraints and indexes together: a plain unique index on the live side satisfies a
   * unique constraint on the entity side, and the other way round.
   */
  private Findings uniquesAndIndexes(Table from, Table to) {
    List<UniqueConstraint> fromUniques = new ArrayList<>(from.uniqueConstraints());
    List<UniqueConstraint> toUniques = new ArrayList<>(to.uniqueConstraints());
    List<Index> fromIndexes = new ArrayList<>(from.indexes());
    List<Index> toIndexes = new ArrayList<>(to.indexes());
    settleUniqueIndexes(toUniques, fromIndexes);
    settleUniqueIndexes(fromUniques, toIndexes);
    List<ReviewFlag> notes = leaveUndeclarableIndexesAlone(fromIndexes, toIndexes);
    List<PlannedChange> changes =
        new ArrayList<>(constraints(fromUniques, toUniques, Shapes.UNIQUES));
    for (Merge.Pair<Index> pair : Merge.merge(fromIndexes, toIndexes, Shapes.INDEXES)) {
      if (pair.onlyFrom()) {
        changes.add(
            PlannedChange.of(
                new DropIndex(table.withName(pair.from().name()), false, table, pair.from()),
                "removed index '"
                    + pair.from().name()
                    + "' on "
                    + table
                    + " ("
                    + keys(pair.from())
                    + ")"));
      } else if (!pair.onlyTo() && renamed(pair.from().name(), pair.to().name())) {
        changes.add(
            PlannedChange.of(
                new RenameIndex(table.withName(pair.from().name()), pair.to().name()),
                "renamed index '"
                    + pair.from().name()
                    + "' on "
                    + table
                    + " to '"
                    + pair.to().name()
                    + "'"));
      } else if (pair.onlyTo()) {
        changes.add(
            PlannedChange.of(
                new CreateIndex(table, pair.to(), false),
                "added "
                    + (pair.to().unique() ? "unique " : "")
                    + "index '"
                    + pair.to().name()
                    + "' on "
                    + table
                    + " ("
                    + keys(pair.to())
                    + ")"));
      }
    }
    return new Findings(changes, notes);
  }

  /**
   * An index JPA has no way to declare (expression keys, another access method, an operator class)
   * can only have been made by hand; dropping it because the entities lack it would undo that work
   * on every autogenerate, so it is left alone and reported.
   */
  private List<ReviewFlag> leaveUndeclarableIndexesAlone(
      List<Index> fromIndexes, List<Index> toIndexes) {
    List<ReviewFlag> notes = new ArrayList<>();
    for (Index index : new ArrayList<>(fromIndexes)) {
      boolean undeclarable =
          !index.method().equals("btree")
              || index.keys().stream().anyMatch(k -> k.expression() != null || k.opclass() != null);
      if (undeclarable
          && toIndexes.stream().noneMatch(i -> Shapes.INDEXES.compare(i, index) == 0)) {
        fromIndexes.remove(index);
        notes.add(
            ReviewFlag.of(
                Kind.NOT_COMPARED,
                "index "
                    + index.name()
                    + " on "
                    + table
                    + " ("
                    + keys(index)
                    + (index.method().equals("btree") ? "" : " using " + index.method())
                    + ") cannot be declared with JPA annotations, so it is left as it is"));
      }
    }
    return notes;
  }

  /**
   * Removes each unique constraint that a plain unique index on the other side already provides.
   */
  private static void settleUniqueIndexes(
      List<UniqueConstraint> uniques, List<Index> otherSideIndexes) {
    for (UniqueConstraint unique : new ArrayList<>(uniques)) {
      Optional<Index> same =
          otherSideIndexes.stream().filter(i -> isPlainUniqueIndexOn(i, unique)).findFirst();
      if (same.isPresent()) {
        uniques.remove(unique);
        otherSideIndexes.remove(same.get());
      }
    }
  }

  private static boolean isPlainUniqueIndexOn(Index index, UniqueConstraint unique) {
    return index.unique()
        && index.method().equals("btree")
        && index.where() == null
        && index.include().isEmpty()
        && index.nullsNotDistinct() == unique.nullsNotDistinct()
        && index.keys().equals(unique.columns().stream().map(IndexKey::column).toList());
  }

  private String describe(Constraint constraint) {
    if (constraint instanceof ForeignKey) {
      ForeignKey fk = (ForeignKey) constraint;
      return "foreign key '"
          + fk.name()
          + "' on "
          + table
          + " ("
          + String.join(", ", fk.columns())
          + ") -> "
          + fk.target()
          + " ("
          + String.join(", ", fk.targetColumns())
          + ")";
    }
    if (constraint instanceof UniqueConstraint) {
      return "unique constraint '"
          + constraint.name()
          + "' on "
          + table
          + " ("
          + String.join(", ", ((UniqueConstraint) constraint).columns())
          + ")";
    }
    if (constraint instanceof CheckConstraint) {
      return "check constraint '"
          + constraint.name()
          + "' on "
          + table
          + ": "
          + ((CheckConstraint) constraint).expression();
    }
    return constraint.kind() + " '" + constraint.name() + "' on " + table;
  }

  private static String keys(Index index) {
    return index.keys().stream()
        .map(
            k ->
                (k.column() != null ? k.column() : k.expression())
                    + (k.descending() ? " DESC" : ""))
        .collect(Collectors.joining(", "));
  }
}
