package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.DropConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.EntityProvenance;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The check constraints Hibernate guards a Java enum column with, compared as the enums they
 * encode: a STRING enum by the names it allows, an ORDINAL one by the number of constants (and what
 * the migrations recorded the positions to mean).
 */
final class EnumGuardComparator {

  /** The guards' changes, and the checks that are no enum guard, left to compare by expression. */
  record Remaining(
      List<PlannedChange> changes, List<CheckConstraint> from, List<CheckConstraint> to) {}

  private final QualifiedName table;
  private final EntityProvenance provenance;
  private final Map<ColumnRef, OrdinalOrder> recordedOrders;

  EnumGuardComparator(
      QualifiedName table,
      EntityProvenance provenance,
      Map<ColumnRef, OrdinalOrder> recordedOrders) {
    this.table = table;
    this.provenance = provenance;
    this.recordedOrders = recordedOrders;
  }

  Remaining compare(List<CheckConstraint> from, List<CheckConstraint> to) {
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
      if (live.isEmpty()) {
        // One rule for every enum guard, ORDINAL, STRING and converter-mapped alike: what the
        // model implies and the database lacks is proposed, flagged, never skipped.
        plainTo.remove(guard);
        changes.add(missingGuard(column.get(), mapping, guard));
        continue;
      }
      if (mapping.storage() == EnumMapping.Storage.CONVERTED) {
        // Both have one: what the converter stores is compared as the expressions say it.
        continue;
      }
      plainTo.remove(guard);
      plainFrom.remove(live.get());
      changes.addAll(enumGuard(column.get(), mapping, live.get(), guard));
    }
    return new Remaining(changes, plainFrom, plainTo);
  }

  private Optional<String> guardedColumn(CheckConstraint check) {
    Set<String> columns =
        new TreeSet<>(provenance.columns().getOrDefault(table, Map.of()).keySet());
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
    OrdinalOrder recorded = recordedOrders.get(new ColumnRef(table, column));
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

  /** A guard the database does not have: rows written without it may hold any value. */
  private PlannedChange missingGuard(String column, EnumMapping mapping, CheckConstraint guard) {
    String where = table + "." + column;
    String allowed =
        switch (mapping.storage()) {
          case STRING ->
              "the names "
                  + quoted(EnumChecks.stringValues(column, guard.expression()).orElseThrow());
          case ORDINAL ->
              "positions 0.."
                  + (EnumChecks.ordinalCount(column, guard.expression()).orElseThrow() - 1);
          default -> "the values its converter stores";
        };
    return new PlannedChange(
        new AddConstraint(table, guard, false),
        "added check constraint '"
            + guard.name()
            + "' on "
            + table
            + " (enum "
            + mapping.simpleName()
            + ")",
        List.of(
            ReviewFlag.of(
                Kind.ENUM,
                "enum "
                    + mapping.simpleName()
                    + " on "
                    + where
                    + " has no check constraint in the database; this adds the one the mapping"
                    + " implies (allowing "
                    + allowed
                    + "), which fails if a row holds anything else")));
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
}
