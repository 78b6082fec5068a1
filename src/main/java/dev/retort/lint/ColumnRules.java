package dev.retort.lint;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.schema.Column;
import dev.retort.schema.SqlType;
import java.util.List;
import java.util.Objects;

/** Adding and altering columns of tables that hold rows. */
final class ColumnRules {

  static final RuleInfo SET_NOT_NULL =
      new RuleInfo(
          "RT006",
          Severity.WARNING,
          "SET NOT NULL on an existing column",
          "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
          "add CHECK (col IS NOT NULL) NOT VALID, validate it in a later migration, then SET NOT"
              + " NULL (PostgreSQL 12+ uses the check instead of scanning) and drop the check; on"
              + " PostgreSQL 18, NOT NULL ... NOT VALID");

  static final RuleInfo VOLATILE_DEFAULT =
      new RuleInfo(
          "RT007",
          Severity.ERROR,
          "column added with a volatile default",
          "a volatile default (random(), clock_timestamp(), gen_random_uuid(), a user function) is"
              + " computed for every row: the table is rewritten under an ACCESS EXCLUSIVE lock;"
              + " before PostgreSQL 11 any default does that",
          "add the column without a default, set the default, backfill in batches outside the DDL"
              + " transaction");

  static final RuleInfo TYPE_CHANGE =
      new RuleInfo(
          "RT008",
          Severity.WARNING,
          "column type changed",
          "most type changes rewrite the table and its indexes under an ACCESS EXCLUSIVE lock"
              + " (widening varchar or numeric, or varchar to text, do not)",
          "add a column of the new type, write to both, backfill in batches, switch reads, drop"
              + " the old one");

  static final RuleInfo REWRITING_COLUMN =
      new RuleInfo(
          "RT010",
          Severity.ERROR,
          "serial, identity or stored generated column added to an existing table",
          "every row gets a value computed when the column is added: the table is rewritten under"
              + " an ACCESS EXCLUSIVE lock",
          "add a plain nullable column, fill it in batches, then attach the sequence or default;"
              + " a generated value can be computed by the application or a trigger");

  private ColumnRules() {}

  static List<LintRule> rules() {
    return List.of(
        new OperationRule<>(
            SET_NOT_NULL,
            AlterColumn.class,
            (op, step, m) -> {
              Change<Boolean> nullable = op.change().nullable();
              if (nullable == null
                  || !Boolean.FALSE.equals(nullable.to())
                  || m.isNew(op.table(), step)) {
                return null;
              }
              return op.table()
                  + "."
                  + op.column()
                  + " is set NOT NULL: the whole table is scanned while locked"
                  + (m.settings().targetMajor() >= 18
                      ? " (PostgreSQL " + m.settings().targetMajor() + " has NOT NULL NOT VALID)"
                      : "");
            }),
        new OperationRule<>(
            VOLATILE_DEFAULT,
            AddColumn.class,
            (op, step, m) -> {
              Column column = op.column();
              if (column.defaultValue() == null || m.isNew(op.table(), step)) {
                return null;
              }
              if (m.settings().targetMajor() < 11) {
                return op.table()
                    + "."
                    + column.name()
                    + " is added with a default: before"
                    + " PostgreSQL 11 that rewrites the table";
              }
              List<String> calls = Volatility.volatileCalls(column.defaultValue());
              if (calls.isEmpty() || calls.contains("nextval()")) {
                return null; // nextval() is a serial column: RT010
              }
              return op.table()
                  + "."
                  + column.name()
                  + " is added with the volatile default "
                  + column.defaultValue()
                  + " (calls "
                  + String.join(", ", calls)
                  + "): the table is rewritten";
            }),
        new OperationRule<>(
            TYPE_CHANGE,
            AlterColumn.class,
            (op, step, m) -> {
              Change<SqlType> type = op.change().type();
              if (type == null || m.isNew(op.table(), step)) {
                return null;
              }
              if (type.fromKnown()
                  && op.change().using() == null
                  && widens(type.from(), type.to())) {
                return null;
              }
              return op.table()
                  + "."
                  + op.column()
                  + " changes type to "
                  + type.to().name()
                  + (type.to().modifiers() == null ? "" : "(" + type.to().modifiers() + ")")
                  + (op.change().using() == null ? "" : " USING " + op.change().using())
                  + ": unless this only widens it, the table is rewritten while locked";
            }),
        new OperationRule<>(
            REWRITING_COLUMN,
            AddColumn.class,
            (op, step, m) -> {
              Column column = op.column();
              if (m.isNew(op.table(), step)) {
                return null;
              }
              String what =
                  column.identity() != null
                      ? "an identity column"
                      : column.generated() != null
                          ? "a stored generated column"
                          : column.defaultValue() != null
                                  && Volatility.volatileCalls(column.defaultValue())
                                      .contains("nextval()")
                              ? "a serial column (its default calls nextval())"
                              : null;
              return what == null
                  ? null
                  : op.table()
                      + "."
                      + column.name()
                      + " is added as "
                      + what
                      + ": the table is rewritten";
            }));
  }

  /**
   * Type changes PostgreSQL makes without a rewrite (binary-coercible): a longer or unbounded
   * varchar, varchar to text, numeric with more precision and the same scale.
   */
  static boolean widens(SqlType from, SqlType to) {
    if (from == null || from.arrayDimensions() != to.arrayDimensions()) {
      return false;
    }
    boolean fromVarchar = from.name().equals("character varying");
    if (fromVarchar && to.name().equals("text")) {
      return true;
    }
    if ((fromVarchar || from.name().equals("text")) && to.name().equals("character varying")) {
      return to.modifiers() == null
          || (fromVarchar
              && from.modifiers() != null
              && number(to.modifiers()) >= number(from.modifiers()));
    }
    if (from.name().equals("numeric") && to.name().equals("numeric")) {
      if (to.modifiers() == null) {
        return true;
      }
      if (from.modifiers() == null) {
        return false;
      }
      String[] a = from.modifiers().split(",");
      String[] b = to.modifiers().split(",");
      String scaleA = a.length > 1 ? a[1] : "0";
      String scaleB = b.length > 1 ? b[1] : "0";
      return Objects.equals(scaleA, scaleB) && number(b[0]) >= number(a[0]);
    }
    return false;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
