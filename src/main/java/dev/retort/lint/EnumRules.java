package dev.retort.lint;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddEnumValue;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.RenameEnumValue;
import dev.retort.operation.ReplaceEnumType;
import dev.retort.postgres.StringLiterals;
import java.util.List;

/** Changing the values of a PostgreSQL enum type. */
final class EnumRules {

  static final RuleInfo ADD_VALUE =
      new RuleInfo(
          "RT014",
          Severity.ERROR,
          "enum value added and used in one transaction",
          "before PostgreSQL 12, ALTER TYPE ... ADD VALUE fails in a transaction block; from 12 on,"
              + " the new value cannot be used until the transaction commits",
          "add the value in a migration of its own (transactional() = false before PostgreSQL 12)"
              + " and use it in a later one");

  static final RuleInfo CHANGE_VALUES =
      new RuleInfo(
          "RT015",
          Severity.WARNING,
          "enum value renamed, removed or reordered",
          "running instances still read and write the old values; replacing the type rewrites"
              + " every table that uses it under an ACCESS EXCLUSIVE lock",
          "add the new value first, move the rows and the code to it, and remove the old value in"
              + " a later release");

  private EnumRules() {}

  static List<LintRule> rules() {
    return List.of(
        new OperationRule<>(
            ADD_VALUE,
            AddEnumValue.class,
            (op, step, m) -> {
              if (!m.transactional()) {
                return null;
              }
              if (m.settings().targetMajor() < 12) {
                return "value '"
                    + op.value()
                    + "' is added to "
                    + op.type()
                    + " in a transaction: PostgreSQL "
                    + m.settings().targetMajor()
                    + " refuses it";
              }
              boolean used =
                  m.steps().stream()
                      .filter(later -> later.index() > step.index())
                      .anyMatch(later -> literals(later).contains(op.value()));
              return used
                  ? "value '"
                      + op.value()
                      + "' is added to "
                      + op.type()
                      + " and used later in the same transaction: PostgreSQL refuses it (unsafe"
                      + " use of new value)"
                  : null;
            }),
        new Composite(
            CHANGE_VALUES,
            new OperationRule<>(
                CHANGE_VALUES,
                RenameEnumValue.class,
                (op, step, m) ->
                    "value '"
                        + op.from()
                        + "' of "
                        + op.type()
                        + " is renamed to '"
                        + op.to()
                        + "': running instances still use the old value"),
            new OperationRule<>(
                CHANGE_VALUES,
                ReplaceEnumType.class,
                (op, step, m) ->
                    "enum type "
                        + op.type()
                        + " is replaced (values removed or reordered): every column of it is"
                        + " rewritten and running instances may still use the old values")));
  }

  /** The string constants a later step writes: raw SQL, or a default set by an operation. */
  private static List<String> literals(Step step) {
    if (step.operation() instanceof ExecuteSql sql) {
      return StringLiterals.in(sql.sql());
    }
    if (step.statement() != null) {
      return StringLiterals.in(step.statement().toString());
    }
    if (step.operation() instanceof AddColumn add && add.column().defaultValue() != null) {
      return StringLiterals.in(add.column().defaultValue());
    }
    if (step.operation() instanceof AlterColumn alter
        && alter.change().defaultValue() != null
        && alter.change().defaultValue().to() != null) {
      return StringLiterals.in(alter.change().defaultValue().to());
    }
    return List.of();
  }
}
