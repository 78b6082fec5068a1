package dev.retort.compare;

import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.ExecuteSql;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnOrigin;
import dev.retort.schema.EnumMapping;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * ORDINAL enum columns store positions, so reordering the Java constants changes what every row
 * means without the database noticing. Migrations record the order they were written for
 * ({@code @OrdinalEnum}); when the constants differ from the recorded order other than by new ones
 * at the end, the plan moves each row to the position of the constant it held.
 */
final class OrdinalEnumComparator {

  /** The remaps to run, and the orders the new migration records. */
  record Result(List<PlannedChange> changes, List<OrdinalOrder> orders) {}

  private OrdinalEnumComparator() {}

  static Result compare(Schema live, ComparisonInput input) {
    List<PlannedChange> changes = new ArrayList<>();
    List<OrdinalOrder> orders = new ArrayList<>();
    for (Table table : input.target().tables()) {
      Map<String, ColumnOrigin> origins =
          input.provenance().columns().getOrDefault(table.name(), Map.of());
      for (Column column : table.columns()) {
        ColumnOrigin origin = origins.get(column.name());
        EnumMapping mapping = origin == null ? null : origin.enumMapping();
        if (mapping == null || mapping.storage() != EnumMapping.Storage.ORDINAL) {
          continue;
        }
        OrdinalOrder current = new OrdinalOrder(table.name(), column.name(), mapping.constants());
        OrdinalOrder recorded = input.recordedOrdinalOrders().get(current.key());
        if (recorded == null || !recorded.constants().equals(current.constants())) {
          orders.add(current);
        }
        boolean columnIsThere =
            live.table(table.name()).flatMap(t -> t.column(column.name())).isPresent();
        if (recorded != null
            && columnIsThere
            && !isAppendOnly(recorded.constants(), current.constants())) {
          changes.add(
              remap(
                  table.name(), column.name(), mapping, recorded.constants(), current.constants()));
        }
      }
    }
    return new Result(changes, orders);
  }

  static boolean isAppendOnly(List<String> before, List<String> after) {
    return after.size() >= before.size() && after.subList(0, before.size()).equals(before);
  }

  private static PlannedChange remap(
      QualifiedName table,
      String column,
      EnumMapping mapping,
      List<String> before,
      List<String> after) {
    List<String> removed = before.stream().filter(c -> !after.contains(c)).toList();
    String where = table + "." + column;
    String message =
        mapping.simpleName()
            + " on "
            + where
            + " is stored by position (ORDINAL) and its constants changed"
            + " from ("
            + String.join(", ", before)
            + ") to ("
            + String.join(", ", after)
            + "): this update moves every row"
            + " to the position of the constant it held; without it, rows would silently mean other constants. Remove it"
            + " only if the rows were already written in the new order"
            + (removed.isEmpty()
                ? ""
                : "; rows holding "
                    + String.join(", ", removed)
                    + " become NULL (or fail, if the"
                    + " column is NOT NULL)");
    return new PlannedChange(
        new ExecuteSql(update(table, column, before, after), update(table, column, after, before)),
        "enum "
            + mapping.simpleName()
            + " on '"
            + where
            + "' reordered: rows remapped to the new positions",
        List.of(ReviewFlag.of(Kind.ENUM, message)));
  }

  /** Moves each row from its constant's old position to its new one; nothing else is touched. */
  private static String update(
      QualifiedName table, String column, List<String> from, List<String> to) {
    String name = quote(column);
    StringJoiner cases = new StringJoiner(" ");
    StringJoiner moved = new StringJoiner(", ");
    for (int position = 0; position < from.size(); position++) {
      int target = to.indexOf(from.get(position));
      if (target != position) {
        cases.add("WHEN " + position + " THEN " + (target < 0 ? "NULL" : String.valueOf(target)));
        moved.add(String.valueOf(position));
      }
    }
    return "UPDATE "
        + qualified(table)
        + " SET "
        + name
        + " = CASE "
        + name
        + " "
        + cases
        + " END WHERE "
        + name
        + " IN ("
        + moved
        + ")";
  }
}
