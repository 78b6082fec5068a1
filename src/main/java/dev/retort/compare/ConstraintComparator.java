package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.Constraint;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keys, constraints and indexes of one table, matched by what they are, never by name: Hibernate
 * hashes foreign key and index names, and PostgreSQL names unnamed constraints itself. A unique
 * constraint and a plain unique index on the same columns are the same thing. Checks that guard a
 * Java enum column are compared as the enum they encode.
 */
final class ConstraintComparator {

  private final QualifiedName table;
  private final EntityProvenance provenance;
  private final java.util.Map<String, dev.retort.schema.OrdinalOrder> recordedOrders;
  private final List<ReviewFlag> notes;

  /**
   * @param recordedOrders what ORDINAL enum columns meant, as the migrations recorded it
   * @param notes where to say what is left alone
   */
  ConstraintComparator(
      QualifiedName table,
      EntityProvenance provenance,
      java.util.Map<String, dev.retort.schema.OrdinalOrder> recordedOrders,
      List<ReviewFlag> notes) {
    this.table = table;
    this.provenance = provenance;
    this.recordedOrders = recordedOrders;
    this.notes = notes;
  }

  List<PlannedChange> compare(Table from, Table to) {
    List<PlannedChange> changes = new ArrayList<>();
    changes.addAll(primaryKey(from.primaryKey(), to.primaryKey()));
    changes.addAll(
        constraints(from.foreignKeys(), to.foreignKeys(), ConstraintComparator::foreignKeyShape));
    changes.addAll(uniquesAndIndexes(from, to));
    changes.addAll(checks(from.checkConstraints(), to.checkConstraints()));
    return changes;
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

  private <C extends Constraint> List<PlannedChange> constraints(
      List<C> from, List<C> to, java.util.function.Function<Constraint, String> shape) {
    List<PlannedChange> changes = new ArrayList<>();
    for (Merge.Pair<C> pair : Merge.merge(from, to, shape::apply)) {
      if (pair.onlyFrom()) {
        changes.add(
            PlannedChange.of(
                new DropConstraint(table, pair.from().name(), pair.from()),
                "removed " + describe(pair.from())));
      } else if (pair.onlyTo()) {
        changes.add(
            PlannedChange.of(
                new AddConstraint(table, pair.to(), false), "added " + describe(pair.to())));
      }
    }
    return changes;
  }

  /**
   * Unique constraints and indexes together: a plain unique index on the live side satisfies a
   * unique constraint on the entity side, and the other way round.
   */
  private List<PlannedChange> uniquesAndIndexes(Table from, Table to) {
    List<UniqueConstraint> fromUniques = new ArrayList<>(from.uniqueConstraints());
    List<UniqueConstraint> toUniques = new ArrayList<>(to.uniqueConstraints());
    List<Index> fromIndexes = new ArrayList<>(from.indexes());
    List<Index> toIndexes = new ArrayList<>(to.indexes());
    settleUniqueIndexes(toUniques, fromIndexes);
    settleUniqueIndexes(fromUniques, toIndexes);
    leaveUndeclarableIndexesAlone(fromIndexes, toIndexes);
    List<PlannedChange> changes =
        new ArrayList<>(constraints(fromUniques, toUniques, ConstraintComparator::uniqueShape));
    for (Merge.Pair<Index> pair :
        Merge.merge(fromIndexes, toIndexes, ConstraintComparator::indexShape)) {
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
    return changes;
  }

  /**
   * An index JPA has no way to declare (expression keys, another access method, an operator class)
   * can only have been made by hand; dropping it because the entities lack it would undo that work
   * on every autogenerate, so it is left alone and reported.
   */
  private void leaveUndeclarableIndexesAlone(List<Index> fromIndexes, List<Index> toIndexes) {
    for (Index index : new ArrayList<>(fromIndexes)) {
      boolean undeclarable =
          !index.method().equals("btree")
              || index.keys().stream().anyMatch(k -> k.expression() != null || k.opclass() != null);
      String shape = indexShape(index);
      if (undeclarable && toIndexes.stream().noneMatch(i -> indexShape(i).equals(shape))) {
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

  private List<PlannedChange> checks(List<CheckConstraint> from, List<CheckConstraint> to) {
    List<PlannedChange> changes = new ArrayList<>();
    List<CheckConstraint> plainFrom = new ArrayList<>(from);
    List<CheckConstraint> plainTo = new ArrayList<>(to);
    // Enum guards first: matched by column, compared by the values they allow.
    for (CheckConstraint guard : to) {
      Optional<String> column = guardedColumn(guard);
      if (column.isEmpty()) {
        continue;
      }
      EnumMapping mapping =
          provenance.column(table, column.get()).map(ColumnOrigin::enumMapping).orElseThrow();
      Optional<CheckConstraint> live =
          from.stream()
              .filter(c -> EnumChecks.isEnumGuard(column.get(), c.expression(), mapping))
              .findFirst();
      plainTo.remove(guard);
      if (live.isEmpty()) {
        continue;
      }
      plainFrom.remove(live.get());
      changes.addAll(enumGuard(column.get(), mapping, live.get(), guard));
    }
    changes.addAll(constraints(plainFrom, plainTo, ConstraintComparator::checkShape));
    return changes;
  }

  private Optional<String> guardedColumn(CheckConstraint check) {
    Set<String> columns =
        new java.util.TreeSet<>(
            provenance.columns().getOrDefault(table, java.util.Map.of()).keySet());
    return columns.stream()
        .filter(
            column ->
                EnumChecks.isEnumGuard(
                    column,
                    check.expression(),
                    provenance.column(table, column).map(ColumnOrigin::enumMapping).orElse(null)))
        .findFirst();
  }

  private List<PlannedChange> enumGuard(
      String column, EnumMapping mapping, CheckConstraint from, CheckConstraint to) {
    String where = table + "." + column;
    String enumName = mapping.simpleName();
    if (mapping.storage() == EnumMapping.Storage.STRING) {
      List<String> before = EnumChecks.stringValues(column, from.expression()).orElseThrow();
      List<String> after = EnumChecks.stringValues(column, to.expression()).orElseThrow();
      if (Set.copyOf(before).equals(Set.copyOf(after))) {
        return List.of();
      }
      List<String> added = after.stream().filter(v -> !before.contains(v)).toList();
      List<String> removed = before.stream().filter(v -> !after.contains(v)).toList();
      String summary =
          "enum "
              + enumName
              + " on '"
              + where
              + "' (stored as names): "
              + describeValues(added, removed);
      List<ReviewFlag> flags = new ArrayList<>();
      if (removed.isEmpty()) {
        flags.add(
            ReviewFlag.of(
                Kind.ENUM,
                "enum "
                    + enumName
                    + " on "
                    + where
                    + " gains "
                    + quoted(added)
                    + "; its check constraint is replaced"));
      } else {
        flags.add(
            new ReviewFlag(
                Kind.ENUM,
                "enum "
                    + enumName
                    + " on "
                    + where
                    + " loses "
                    + quoted(removed)
                    + ": rows holding them make the new check fail; change them first",
                List.of(Alternative.Backfill.ofRowsHolding(table, column, "'<value>'", removed))));
      }
      return replaceCheck(from, to, summary, flags);
    }
    int before = EnumChecks.ordinalCount(column, from.expression()).orElseThrow();
    int after = EnumChecks.ordinalCount(column, to.expression()).orElseThrow();
    if (before == after) {
      return List.of();
    }
    String summary =
        "enum "
            + enumName
            + " on '"
            + where
            + "' (stored as positions): "
            + before
            + " -> "
            + after
            + " constants";
    dev.retort.schema.OrdinalOrder recorded = recordedOrders.get(table + "." + column);
    if (recorded != null) {
      String known =
          OrdinalEnumComparator.isAppendOnly(recorded.constants(), mapping.constants())
              ? "constants were added at the end, so existing rows keep their meaning"
              : "its constants moved; the update below keeps each row's meaning";
      return replaceCheck(
          from,
          to,
          summary,
          List.of(
              ReviewFlag.of(
                  Kind.ENUM,
                  "enum "
                      + enumName
                      + " on "
                      + where
                      + " is stored by position (ORDINAL): "
                      + known)));
    }
    String consequence =
        after < before
            ? "constants were removed: rows holding positions "
                + after
                + ".."
                + (before - 1)
                + " now fail the check, and if a"
                + " constant was removed from the middle, every later row silently means a different constant"
            : "constants were added: this is safe only if they were appended at the end; inserting or reordering"
                + " constants silently changes what existing rows mean";
    return replaceCheck(
        from,
        to,
        summary,
        List.of(
            ReviewFlag.of(
                Kind.ENUM,
                "enum "
                    + enumName
                    + " on "
                    + where
                    + " is stored by position (ORDINAL) and "
                    + consequence
                    + ". Prefer @Enumerated(EnumType.STRING)")));
  }

  private List<PlannedChange> replaceCheck(
      CheckConstraint from, CheckConstraint to, String summary, List<ReviewFlag> flags) {
    return List.of(
        new PlannedChange(new DropConstraint(table, from.name(), from), summary, flags),
        PlannedChange.of(
            new AddConstraint(table, to, false),
            "added check constraint '" + to.name() + "' on " + table));
  }

  private static String describeValues(List<String> added, List<String> removed) {
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("added " + quoted(added));
    }
    if (!removed.isEmpty()) {
      parts.add("removed " + quoted(removed));
    }
    return String.join("; ", parts);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
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

  static String foreignKeyShape(Constraint constraint) {
    ForeignKey fk = (ForeignKey) constraint;
    return String.join(
        "\u0000",
        List.of(
            String.join(",", fk.columns()),
            fk.target().toString(),
            String.join(",", fk.targetColumns()),
            fk.onDelete().name(),
            fk.onUpdate().name(),
            String.valueOf(fk.deferrable()),
            String.valueOf(fk.initiallyDeferred())));
  }

  static String uniqueShape(Constraint constraint) {
    UniqueConstraint unique = (UniqueConstraint) constraint;
    return String.join(",", unique.columns()) + "\u0000" + unique.nullsNotDistinct();
  }

  static String checkShape(Constraint constraint) {
    return ((CheckConstraint) constraint).expression();
  }

  static String indexShape(Index index) {
    return index.keys()
        + "\u0000"
        + index.unique()
        + "\u0000"
        + index.method()
        + "\u0000"
        + index.include()
        + "\u0000"
        + index.where()
        + "\u0000"
        + index.nullsNotDistinct();
  }
}
