package dev.retort.plan;

import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AddConstraintUsingIndex;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropConstraint;
import dev.retort.operation.DropIndex;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.postgres.Identifiers;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The online form of one change on a table with rows: the steps that replace it, the first keeping
 * the change's summary and flags. Each form is what PostgreSQL's manual gives for doing the same
 * without holding a lock that stops writers for as long as the table takes to read.
 */
final class OnlineForms {

  /** PostgreSQL's identifier limit (NAMEDATALEN - 1). */
  private static final int MAX_NAME = 63;

  private final PlannedChange change;
  private final int serverMajor;

  OnlineForms(PlannedChange change, int serverMajor) {
    this.change = change;
    this.serverMajor = serverMajor;
  }

  /** The first step carries the change's summary and flags; later ones describe themselves. */
  private PlannedChange first(Operation operation) {
    return new PlannedChange(operation, change.summary(), change.flags());
  }

  private static PlannedChange step(Operation operation, String summary) {
    return PlannedChange.of(operation, summary);
  }

  /** {@code CREATE INDEX CONCURRENTLY}: writes go on while it builds. */
  List<PlannedChange> concurrentIndex(CreateIndex create) {
    return List.of(first(new CreateIndex(create.table(), create.index(), true)));
  }

  /**
   * A partitioned parent cannot build an index concurrently; the plain form stays, flagged with the
   * per-partition recipe.
   */
  List<PlannedChange> partitionedIndex(CreateIndex create) {
    return List.of(
        OnlinePlanner.flagged(
            change,
            ReviewFlag.of(
                ReviewFlag.Kind.LOCK,
                create.table()
                    + " is partitioned, and PostgreSQL cannot build an index on a partitioned"
                    + " table concurrently: this locks every partition against writes while it"
                    + " builds. Online: CREATE INDEX ... ON ONLY the parent, CREATE INDEX"
                    + " CONCURRENTLY on each partition, then ALTER INDEX ... ATTACH PARTITION each"
                    + " one (op.execute)")));
  }

  List<PlannedChange> concurrentDrop(DropIndex drop) {
    return List.of(first(new DropIndex(drop.index(), true, drop.existingTable(), drop.existing())));
  }

  /**
   * A foreign key or check: added {@code NOT VALID} (brief), then validated under SHARE UPDATE
   * EXCLUSIVE, which lets reads and writes go on. A unique constraint or primary key: its index
   * built concurrently, then made the constraint in a brief step.
   */
  List<PlannedChange> constraint(AddConstraint add, boolean partitioned) {
    String name = add.constraint().name();
    if (name == null) {
      return List.of(change);
    }
    if (add.constraint() instanceof ForeignKey || add.constraint() instanceof CheckConstraint) {
      return List.of(
          first(new AddConstraint(add.table(), add.constraint(), true)),
          step(
              new ValidateConstraint(add.table(), name),
              "validated " + add.constraint().kind() + " '" + name + "'"));
    }
    if (partitioned) {
      return List.of(change);
    }
    List<String> columns;
    boolean nullsNotDistinct = false;
    boolean primaryKey = add.constraint() instanceof PrimaryKey;
    if (add.constraint() instanceof UniqueConstraint unique) {
      columns = unique.columns();
      nullsNotDistinct = unique.nullsNotDistinct();
    } else {
      columns = ((PrimaryKey) add.constraint()).columns();
    }
    Index index = Index.on(name, columns.stream().map(IndexKey::column).toList()).asUnique();
    if (nullsNotDistinct) {
      index = index.withNullsNotDistinct();
    }
    return List.of(
        // Dropping the constraint in the downgrade drops the index it took over.
        first(new CreateIndex(add.table(), index, true)).undoneBy(List.of()),
        step(
            new AddConstraintUsingIndex(add.table(), name, primaryKey, name, add.constraint()),
            "made index '" + name + "' the " + add.constraint().kind() + " '" + name + "'"));
  }

  /**
   * SET NOT NULL without holding ACCESS EXCLUSIVE for a scan: a {@code CHECK (c IS NOT NULL) NOT
   * VALID}, validated, lets PostgreSQL 12+ set NOT NULL without reading the table; the check then
   * goes. A type change that rewrites the table keeps its form, flagged with the expand/contract
   * recipe.
   */
  List<PlannedChange> alterColumn(AlterColumn alter) {
    ColumnChange changes = alter.change();
    PlannedChange current = change;
    if (changes.type() != null
        && changes.type().fromKnown()
        && TypeRewrites.rewrites(changes.type().from(), changes.type().to())) {
      current =
          OnlinePlanner.flagged(
              change,
              ReviewFlag.of(
                  ReviewFlag.Kind.LOCK,
                  "changing "
                      + alter.table()
                      + "."
                      + alter.column()
                      + " to "
                      + changes.type().to()
                      + " rewrites "
                      + alter.table()
                      + " and its indexes while reads and writes wait. Online (expand/contract):"
                      + " add a column of the new type, keep it in step with a trigger, fill it"
                      + " with op.backfill, move the application to it, then drop the old column"));
    }
    boolean setsNotNull =
        changes.nullable() != null && Boolean.FALSE.equals(changes.nullable().to());
    if (!setsNotNull || serverMajor < 12) {
      return List.of(current);
    }
    ColumnChange rest = changes.withNullable(null);
    List<PlannedChange> steps = new ArrayList<>();
    if (!rest.isEmpty()) {
      steps.add(
          new PlannedChange(
              new AlterColumn(alter.table(), alter.column(), rest),
              current.summary(),
              current.flags()));
      steps.addAll(notNullSteps(alter.table(), alter.column(), null));
    } else {
      steps.addAll(notNullSteps(alter.table(), alter.column(), current));
    }
    return steps;
  }

  /**
   * The four steps of an online SET NOT NULL; the first carries {@code carrier}'s text if given.
   */
  List<PlannedChange> notNullSteps(QualifiedName table, String column, PlannedChange carrier) {
    String checkName = truncate(table.name() + "_" + column + "_not_null_check");
    CheckConstraint check =
        new CheckConstraint(checkName, Identifiers.quote(column) + " IS NOT NULL");
    String described = table + "." + column;
    AddConstraint add = new AddConstraint(table, check, true);
    // The check lives only between these steps: the downgrade has nothing of it to undo.
    return List.of(
        (carrier == null
                ? step(add, "checked " + described + " IS NOT NULL (not valid yet)")
                : new PlannedChange(add, carrier.summary(), carrier.flags()))
            .undoneBy(List.of()),
        step(new ValidateConstraint(table, checkName), "validated '" + checkName + "'"),
        step(
            new AlterColumn(table, column, ColumnChange.NONE.withNullable(Change.of(true, false))),
            "set " + described + " NOT NULL (proved by the check: no scan)"),
        step(new DropConstraint(table, checkName, check), "dropped '" + checkName + "'")
            .undoneBy(List.of()));
  }

  /**
   * A column whose default is volatile is added without it (brief), the default set for new rows,
   * existing rows filled in batches, then NOT NULL set online. Identity and stored generated
   * columns have no such form: flagged.
   */
  List<PlannedChange> addColumn(AddColumn add) {
    Column column = add.column();
    if (column.identity() != null || column.generated() != null) {
      return List.of(
          OnlinePlanner.flagged(
              change,
              ReviewFlag.of(
                  ReviewFlag.Kind.LOCK,
                  "adding "
                      + (column.identity() != null ? "an identity" : "a stored generated")
                      + " column computes it for every row of "
                      + add.table()
                      + ", rewriting the table while reads and writes wait. Online: add a plain"
                      + " nullable column, fill it with op.backfill, then make it what it must"
                      + " be")));
    }
    if (!VolatileExpressions.isVolatile(column.defaultValue())) {
      return List.of(change);
    }
    List<PlannedChange> steps = new ArrayList<>();
    Column plain = column.withDefault(null).withNullable(true);
    steps.add(first(new AddColumn(add.table(), plain)));
    String described = add.table() + "." + column.name();
    steps.add(
        step(
            new AlterColumn(
                add.table(),
                column.name(),
                ColumnChange.NONE.withDefault(Change.of(null, column.defaultValue()))),
            "set the default of " + described + " for new rows"));
    steps.add(
        step(
            new BackfillColumn(
                add.table(),
                column.name(),
                column.defaultValue(),
                BackfillColumn.DEFAULT_BATCH_SIZE),
            "filled " + described + " on existing rows, in batches"));
    if (!column.nullable()) {
      steps.addAll(notNullSteps(add.table(), column.name(), null));
    }
    return steps;
  }

  private static String truncate(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
