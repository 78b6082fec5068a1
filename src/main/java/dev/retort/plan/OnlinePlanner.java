package dev.retort.plan;

import dev.retort.compare.LockImpact;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.ReviewFlag;
import dev.retort.config.Safety;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.DropIndex;
import dev.retort.operation.Operation;
import dev.retort.operation.ValidateConstraint;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a plan's blocking forms into online ones for existing tables, and writes down what each
 * operation locks. What counts as existing and busy is the tables' size as read when the plan is
 * made ({@link Safety.Online}): on {@code auto}, a table with rows. An online plan is not
 * transactional: a concurrent index build cannot run in a transaction block, a validation is meant
 * to commit apart from the constraint it checks, and a backfill commits batch by batch; the runner
 * records each committed statement, so an interrupted run resumes.
 */
public final class OnlinePlanner {

  private final Map<QualifiedName, TableSize> sizes;
  private final Safety.Online mode;
  private final int serverMajor;

  /**
   * @param sizes the existing tables the plan touches, by the name the plan uses for them
   */
  public OnlinePlanner(Map<QualifiedName, TableSize> sizes, Safety.Online mode, int serverMajor) {
    this.sizes = Map.copyOf(sizes);
    this.mode = mode;
    this.serverMajor = serverMajor;
  }

  public MigrationPlan plan(MigrationPlan plan) {
    List<PlannedChange> changes = new ArrayList<>();
    Decisions decisions = new Decisions(sizes);
    for (PlannedChange original : plan.changes()) {
      List<PlannedChange> decided =
          decisions.around(
              original,
              column ->
                  mode == Safety.Online.NEVER || serverMajor < 12
                      ? Decisions.plainNotNull(column)
                      : new OnlineForms(original, serverMajor)
                          .notNullSteps(column.table(), column.column(), null));
      if (decided != null) {
        changes.addAll(decided);
        continue;
      }
      PlannedChange change = original;
      List<PlannedChange> forms = onlineForms(change);
      changes.addAll(forms);
    }
    List<PlannedChange> withLocks = new ArrayList<>();
    ProvenNotNull proven = new ProvenNotNull();
    for (PlannedChange change : changes) {
      PlannedChange locked = withLock(change);
      if (proven.skipsScan(change.operation())) {
        locked = locked.withLock(locked.lock().briefly());
      }
      withLocks.add(locked);
    }
    return new MigrationPlan(
        withLocks,
        plan.notes(),
        plan.transactional() && !needsOwnCommits(changes),
        plan.ordinalOrders());
  }

  /**
   * Whether some step must commit on its own: a concurrent index build or drop cannot run in a
   * transaction block, a validation is meant to commit apart from the NOT VALID constraint (whose
   * brief ACCESS EXCLUSIVE would otherwise be held through the scan), a backfill commits per batch.
   */
  private static boolean needsOwnCommits(List<PlannedChange> changes) {
    return changes.stream()
        .map(PlannedChange::operation)
        .anyMatch(
            op ->
                op instanceof CreateIndex create && create.concurrently()
                    || op instanceof DropIndex drop && drop.concurrently()
                    || op instanceof ValidateConstraint
                    || op instanceof BackfillColumn);
  }

  private PlannedChange withLock(PlannedChange change) {
    LockImpact lock = LockAnalysis.of(change.operation());
    if (lock == null || lock.table() == null) {
      return change.withLock(lock);
    }
    return change.withLock(lock.withSize(sizes.get(lock.table())));
  }

  /** The tables a plan's operations lock: those whose size decides its forms. */
  public static Set<QualifiedName> tablesTouched(MigrationPlan plan) {
    Set<QualifiedName> tables = new TreeSet<>();
    for (PlannedChange change : plan.changes()) {
      LockImpact lock = LockAnalysis.of(change.operation());
      if (lock != null && lock.table() != null) {
        tables.add(lock.table());
      }
    }
    return tables;
  }

  /** Whether a change to {@code table} takes the online form. */
  private boolean busy(QualifiedName table) {
    TableSize size = table == null ? null : sizes.get(table);
    return switch (mode) {
      case NEVER -> false;
      case ALWAYS -> size != null;
      case AUTO -> size != null && !size.isEmpty();
    };
  }

  private List<PlannedChange> onlineForms(PlannedChange change) {
    Operation operation = change.operation();
    OnlineForms forms = new OnlineForms(change, serverMajor);
    if (operation instanceof CreateIndex create && !create.concurrently() && busy(create.table())) {
      return sizes.get(create.table()).partitioned()
          ? forms.partitionedIndex(create)
          : forms.concurrentIndex(create);
    }
    if (operation instanceof DropIndex drop
        && !drop.concurrently()
        && busy(drop.existingTable())
        && !sizes.get(drop.existingTable()).partitioned()) {
      return forms.concurrentDrop(drop);
    }
    if (operation instanceof AddConstraint add && !add.notValid() && busy(add.table())) {
      return forms.constraint(add, sizes.get(add.table()).partitioned());
    }
    if (operation instanceof AlterColumn alter && busy(alter.table())) {
      return forms.alterColumn(alter);
    }
    if (operation instanceof AddColumn add && busy(add.table())) {
      return forms.addColumn(add);
    }
    return List.of(change);
  }

  /** A flag on the change, kept with the ones it had. */
  static PlannedChange flagged(PlannedChange change, ReviewFlag flag) {
    List<ReviewFlag> flags = new ArrayList<>(change.flags());
    flags.add(flag);
    return change.withFlags(flags);
  }
}
