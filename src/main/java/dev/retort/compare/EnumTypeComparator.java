package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.CreateEnumType;
import dev.retort.operation.DropEnumType;
import dev.retort.operation.EnumColumn;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.schema.Column;
import dev.retort.schema.EnumType;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL enum types. Values added keep their declared position ({@code ADD VALUE ... BEFORE});
 * values removed or reordered cannot change in place, so the type is replaced, with a flag saying
 * what happens to rows holding a removed value.
 */
final class EnumTypeComparator {

  private EnumTypeComparator() {}

  static List<PlannedChange> compare(Schema live, Schema target) {
    List<PlannedChange> changes = new ArrayList<>();
    for (Merge.Pair<EnumType> pair :
        Merge.merge(live.enumTypes(), target.enumTypes(), EnumType::name)) {
      if (pair.onlyTo()) {
        EnumType type = pair.to();
        changes.add(
            PlannedChange.of(
                new CreateEnumType(type.name(), type.values()),
                "added enum type '"
                    + type.name()
                    + "' ("
                    + String.join(", ", type.values())
                    + ")"));
      } else if (pair.onlyFrom()) {
        EnumType type = pair.from();
        changes.add(
            PlannedChange.of(
                new DropEnumType(type.name(), type.values()),
                "removed enum type '" + type.name() + "'"));
      } else if (!pair.from().values().equals(pair.to().values())) {
        changes.addAll(changed(pair.from(), pair.to(), usedBy(live, pair.from().name())));
      }
    }
    return changes;
  }

  private static List<PlannedChange> changed(EnumType from, EnumType to, List<EnumColumn> usedBy) {
    QualifiedName name = from.name();
    if (isSubsequence(from.values(), to.values())) {
      List<PlannedChange> changes = new ArrayList<>();
      List<String> current = new ArrayList<>(from.values());
      for (int i = 0; i < to.values().size(); i++) {
        String value = to.values().get(i);
        if (current.contains(value)) {
          continue;
        }
        List<String> rest = to.values().subList(i + 1, to.values().size());
        // At the end: a plain ADD VALUE. Before an existing value: BEFORE it. Otherwise (only new
        // values follow, an existing one after them) AFTER the value that precedes it.
        String before = !rest.isEmpty() && current.contains(rest.get(0)) ? rest.get(0) : null;
        String after =
            before == null && i > 0 && rest.stream().anyMatch(current::contains)
                ? to.values().get(i - 1)
                : null;
        AddEnumValue add =
            new AddEnumValue(name, value, before, after, List.copyOf(current), usedBy);
        current = add.resultingValues();
        changes.add(
            PlannedChange.of(
                add,
                "added value '" + value + "' to enum type '" + name + "'",
                ReviewFlag.of(
                    Kind.ENUM,
                    "enum type "
                        + name
                        + " gains '"
                        + value
                        + "'"
                        + (before != null
                            ? " before '" + before + "'"
                            : after != null ? " after '" + after + "'" : "")
                        + "; PostgreSQL cannot remove a value in place, so the downgrade replaces the type")));
      }
      return changes;
    }
    List<String> removed = from.values().stream().filter(v -> !to.values().contains(v)).toList();
    List<String> added = to.values().stream().filter(v -> !from.values().contains(v)).toList();
    String summary = "changed enum type '" + name + "': " + describe(removed, added);
    List<ReviewFlag> flags = new ArrayList<>();
    if (!removed.isEmpty()) {
      List<Alternative> alternative = new ArrayList<>();
      if (removed.size() == 1
          && added.size() == 1
          && from.values().indexOf(removed.get(0)) == to.values().indexOf(added.get(0))) {
        alternative.add(
            new Alternative.Note(
                "If '" + removed.get(0) + "' was renamed, replace this operation with:"));
        alternative.add(
            new Alternative.Run(new RenameEnumValue(name, removed.get(0), added.get(0))));
      }
      for (EnumColumn column : usedBy) {
        alternative.add(
            new Alternative.Note(
                "Rows of "
                    + column.table()
                    + "."
                    + column.column()
                    + " holding a removed value must change first, e.g.:"));
        alternative.add(
            Alternative.Backfill.ofRowsHolding(
                column.table(), column.column(), "'<value>'", removed));
      }
      flags.add(
          new ReviewFlag(
              Kind.ENUM,
              "enum type "
                  + name
                  + " loses "
                  + quoted(removed)
                  + ": PostgreSQL cannot drop values, so the type is replaced and its columns converted; a row holding a"
                  + " removed value makes the migration fail (and roll back)",
              alternative));
    } else {
      flags.add(
          ReviewFlag.of(
              Kind.ENUM,
              "enum type "
                  + name
                  + " changes order ("
                  + String.join(", ", from.values())
                  + " -> "
                  + String.join(", ", to.values())
                  + "): the type is replaced and its columns converted; sorting and"
                  + " comparisons on it follow the new order"));
    }
    return List.of(
        new PlannedChange(
            new ReplaceEnumType(name, from.values(), to.values(), usedBy), summary, flags));
  }

  private static String describe(List<String> removed, List<String> added) {
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("added " + quoted(added));
    }
    if (!removed.isEmpty()) {
      parts.add("removed " + quoted(removed));
    }
    return parts.isEmpty() ? "values reordered" : String.join("; ", parts);
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
  }

  private static boolean isSubsequence(List<String> small, List<String> large) {
    int i = 0;
    for (String value : large) {
      if (i < small.size() && small.get(i).equals(value)) {
        i++;
      }
    }
    return i == small.size() && large.containsAll(small);
  }

  /** The live columns of an enum type: what replacing the type must convert. */
  static List<EnumColumn> usedBy(Schema live, QualifiedName type) {
    List<EnumColumn> columns = new ArrayList<>();
    for (Table table : live.tables()) {
      for (Column column : table.columns()) {
        if (type.equals(column.type().userDefined())) {
          columns.add(
              new EnumColumn(
                  table.name(),
                  column.name(),
                  column.type().arrayDimensions(),
                  column.defaultValue()));
        }
      }
    }
    return columns;
  }
}
