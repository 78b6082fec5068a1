package dev.retort.lint;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.CreateTable;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import java.util.List;

/** Adding constraints to tables that hold rows. */
final class ConstraintRules {

  static final RuleInfo FOREIGN_KEY =
      new RuleInfo(
          "RT004",
          Severity.ERROR,
          "foreign key added without NOT VALID",
          "adding a foreign key checks every row while holding SHARE ROW EXCLUSIVE locks on both"
              + " tables, blocking their writes; validating it in the same transaction keeps the"
              + " lock",
          "op.addConstraintNotValid(...), then op.validateConstraint(...) in a later migration");

  static final RuleInfo CHECK =
      new RuleInfo(
          "RT005",
          Severity.ERROR,
          "check constraint added without NOT VALID",
          "adding a check scans the whole table under an ACCESS EXCLUSIVE lock; validating it in"
              + " the same transaction keeps the lock",
          "op.addConstraintNotValid(...), then op.validateConstraint(...) in a later migration");

  static final RuleInfo UNIQUE =
      new RuleInfo(
          "RT009",
          Severity.ERROR,
          "unique constraint or primary key added in place",
          "the constraint's index is built under an ACCESS EXCLUSIVE lock: the table is"
              + " unreadable until it is built",
          "create a unique index CONCURRENTLY, then op.execute(\"ALTER TABLE t ADD CONSTRAINT c"
              + " UNIQUE USING INDEX i\") (PRIMARY KEY USING INDEX likewise)");

  static final RuleInfo CASCADE =
      new RuleInfo(
          "RT020",
          Severity.WARNING,
          "ON DELETE CASCADE added",
          "deleting one parent row silently deletes its children, and theirs: a mistaken delete"
              + " loses data far from where it happened",
          "ON DELETE RESTRICT or NO ACTION and explicit deletes; or suppress with the reason the"
              + " children are owned by the parent");

  private ConstraintRules() {}

  static List<LintRule> rules() {
    return List.of(
        new Composite(
            FOREIGN_KEY,
            notValid(FOREIGN_KEY, ForeignKey.class),
            validatedTogether(FOREIGN_KEY, ForeignKey.class)),
        new Composite(
            CHECK,
            notValid(CHECK, CheckConstraint.class),
            validatedTogether(CHECK, CheckConstraint.class)),
        new OperationRule<>(
            UNIQUE,
            AddConstraint.class,
            (op, step, m) ->
                (op.constraint() instanceof UniqueConstraint
                            || op.constraint() instanceof PrimaryKey)
                        && !m.isNew(op.table(), step)
                    ? op.constraint().kind()
                        + " on "
                        + op.table()
                        + " "
                        + columns(op.constraint())
                        + " builds its index while the table is locked"
                    : null),
        new Composite(
            CASCADE,
            new OperationRule<>(
                CASCADE,
                AddConstraint.class,
                (op, step, m) ->
                    op.constraint() instanceof ForeignKey key
                        ? cascade(op.table().toString(), key)
                        : null),
            new OperationRule<>(
                CASCADE,
                CreateTable.class,
                (op, step, m) ->
                    op.table().foreignKeys().stream()
                        .map(key -> cascade(op.table().name().toString(), key))
                        .filter(message -> message != null)
                        .findFirst()
                        .orElse(null))));
  }

  private static String cascade(String table, ForeignKey key) {
    return key.onDelete() == ReferentialAction.CASCADE
        ? "foreign key "
            + table
            + " "
            + key.columns()
            + " -> "
            + key.target()
            + " is ON DELETE CASCADE: deleting a "
            + key.target()
            + " row deletes its "
            + table
            + " rows"
        : null;
  }

  private static LintRule notValid(RuleInfo info, Class<? extends Constraint> kind) {
    return new OperationRule<>(
        info,
        AddConstraint.class,
        (op, step, m) ->
            kind.isInstance(op.constraint()) && !op.notValid() && !m.isNew(op.table(), step)
                ? op.constraint().kind()
                    + " "
                    + (op.constraint().name() == null ? "" : op.constraint().name() + " ")
                    + "is added to "
                    + op.table()
                    + " without NOT VALID: every row is checked while the table is locked"
                : null);
  }

  /** VALIDATE CONSTRAINT in the transaction that added it NOT VALID: the lock is still held. */
  private static LintRule validatedTogether(RuleInfo info, Class<? extends Constraint> kind) {
    return new OperationRule<>(
        info,
        ValidateConstraint.class,
        (op, step, m) -> {
          if (!m.transactional()) {
            return null;
          }
          boolean addedHere =
              m.steps().stream()
                  .filter(s -> s.index() < step.index())
                  .map(Step::operation)
                  .filter(AddConstraint.class::isInstance)
                  .map(AddConstraint.class::cast)
                  .anyMatch(
                      add ->
                          add.notValid()
                              && kind.isInstance(add.constraint())
                              && op.name().equals(add.constraint().name()));
          return addedHere
              ? "constraint "
                  + op.name()
                  + " is validated in the transaction that added it NOT VALID, which still"
                  + " holds the lock"
              : null;
        });
  }

  private static List<String> columns(Constraint constraint) {
    if (constraint instanceof UniqueConstraint unique) {
      return unique.columns();
    }
    return ((PrimaryKey) constraint).columns();
  }
}
