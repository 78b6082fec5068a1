package dev.retort.compare;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.error.RetortException;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.RenameColumn;
import dev.retort.operation.RenameTable;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import dev.retort.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares the live database ("from") with the entity model ("to") and plans the operations that
 * turn one into the other, each carrying the state it replaces so the downgrade is its reverse.
 * Pure: no IO.
 */
public final class SchemaComparator {

  private SchemaComparator() {}

  public static MigrationPlan compare(ComparisonInput input) {
    List<PlannedChange> changes = new ArrayList<>();
    changes.addAll(renames(input));
    Schema live = input.renames().apply(input.live());
    changes.addAll(EnumTypeComparator.compare(live, input.target()));
    changes.addAll(SequenceComparator.compare(live, input.target()));
    Findings tables = new TableComparator(live, input).compare();
    changes.addAll(tables.changes());
    OrdinalEnumComparator.Result ordinal = OrdinalEnumComparator.compare(live, input);
    changes.addAll(ordinal.changes());
    List<ReviewFlag> notes = new ArrayList<>(tables.notes());
    notes.addAll(notes(input.live()));
    List<PlannedChange> ordered = OperationOrder.sort(changes);
    return new MigrationPlan(
        ordered, notes, transactional(ordered, input.serverMajor()), ordinal.orders());
  }

  private static List<PlannedChange> renames(ComparisonInput input) {
    List<PlannedChange> changes = new ArrayList<>();
    RenameRequests renames = input.renames();
    for (Map.Entry<QualifiedName, String> rename : renames.tables().entrySet()) {
      QualifiedName renamed = rename.getKey().withName(rename.getValue());
      if (input.target().table(renamed).isEmpty()) {
        throw RetortException.invalidInput(
            "--rename "
                + rename.getKey()
                + "="
                + rename.getValue()
                + ": the entities have no table "
                + renamed,
            "name the table as the entities map it");
      }
      changes.add(
          PlannedChange.of(
              new RenameTable(rename.getKey(), rename.getValue()),
              "renamed table '" + rename.getKey() + "' to '" + rename.getValue() + "'"));
    }
    for (Map.Entry<QualifiedName, Map<String, String>> table : renames.columns().entrySet()) {
      QualifiedName current = renames.renamedTable(table.getKey());
      Table target =
          input
              .target()
              .table(current)
              .orElseThrow(
                  () ->
                      RetortException.invalidInput(
                          "--rename "
                              + table.getKey()
                              + ".*: the entities have no table "
                              + current,
                          "check the table name"));
      for (Map.Entry<String, String> column : table.getValue().entrySet()) {
        if (target.column(column.getValue()).isEmpty()) {
          throw RetortException.invalidInput(
              "--rename "
                  + table.getKey()
                  + "."
                  + column.getKey()
                  + "="
                  + column.getValue()
                  + ": the entities have no column "
                  + current
                  + "."
                  + column.getValue(),
              "name the column as the entities map it");
        }
        changes.add(
            PlannedChange.of(
                new RenameColumn(current, column.getKey(), column.getValue()),
                "renamed column '"
                    + current
                    + "."
                    + column.getKey()
                    + "' to '"
                    + column.getValue()
                    + "'"));
      }
    }
    return changes;
  }

  /** What the comparison leaves out, said once rather than silently. */
  private static List<ReviewFlag> notes(Schema live) {
    List<ReviewFlag> notes = new ArrayList<>();
    if (!live.views().isEmpty()) {
      String names =
          live.views().stream()
              .map(View::name)
              .map(QualifiedName::toString)
              .collect(Collectors.joining(", "));
      notes.add(
          ReviewFlag.of(
              Kind.NOT_COMPARED,
              live.views().size()
                  + " view(s) not compared ("
                  + names
                  + "); a column change they depend on fails until the view is dropped and recreated by hand"));
    }
    return notes;
  }

  /**
   * A new enum value cannot be used in the transaction that adds it, and before PostgreSQL 12 not
   * even added inside one; such a migration runs without a transaction.
   */
  private static boolean transactional(List<PlannedChange> changes, int serverMajor) {
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).operation() instanceof AddEnumValue added) {
        if (serverMajor < 12) {
          return false;
        }
        for (PlannedChange later : changes.subList(i + 1, changes.size())) {
          if (OperationExpressions.uses(later.operation(), added.value())) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
