package dev.retort.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.compare.LockImpact;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.config.Safety;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.Decision;
import dev.retort.operation.Operation;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SqlType;
import dev.retort.schema.TableSize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner's choices, without a database: which forms, which locks, which decisions. */
class OnlinePlannerTest {

  private static final QualifiedName USERS = QualifiedName.of("users");
  private static final TableSize ROWS = new TableSize(120_000, 14L << 20, false);
  private static final TableSize EMPTY = TableSize.EMPTY;

  private static MigrationPlan plan(Operation... operations) {
    return new MigrationPlan(
        java.util.Arrays.stream(operations).map(o -> PlannedChange.of(o, "x")).toList(),
        List.of(),
        true,
        List.of());
  }

  private static MigrationPlan planned(TableSize size, Safety.Online mode, Operation... ops) {
    return new OnlinePlanner(Map.of(USERS, size), mode, 17).plan(plan(ops));
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.upgrade().stream().map(o -> o.getClass().getSimpleName()).toList();
  }

  private static final CreateIndex INDEX =
      new CreateIndex(USERS, Index.on("ix_email", List.of(IndexKey.column("email"))), false);

  @Test
  void indexesAreBuiltConcurrentlyOnTablesWithRowsAndPlainlyOnEmptyOnes() {
    MigrationPlan busy = planned(ROWS, Safety.Online.AUTO, INDEX);
    assertTrue(((CreateIndex) busy.upgrade().get(0)).concurrently());
    assertFalse(busy.transactional());
    assertEquals(
        "LOCK: SHARE UPDATE EXCLUSIVE on users while it builds the index concurrently (reads and"
            + " writes go on); users: ~120,000 rows, 14 MB",
        dev.retort.render.ReviewText.lockLine(busy.changes().get(0).lock()));
    MigrationPlan empty = planned(EMPTY, Safety.Online.AUTO, INDEX);
    assertFalse(((CreateIndex) empty.upgrade().get(0)).concurrently());
    assertTrue(empty.transactional());
    assertTrue(
        ((CreateIndex) planned(EMPTY, Safety.Online.ALWAYS, INDEX).upgrade().get(0))
            .concurrently());
    assertFalse(
        ((CreateIndex) planned(ROWS, Safety.Online.NEVER, INDEX).upgrade().get(0)).concurrently());
    // A table the plan creates is not in the sizes: plain.
    assertFalse(
        ((CreateIndex)
                new OnlinePlanner(Map.of(), Safety.Online.ALWAYS, 17)
                    .plan(plan(INDEX))
                    .upgrade()
                    .get(0))
            .concurrently());
  }

  @Test
  void foreignKeysAreAddedNotValidThenValidated() {
    ForeignKey fk =
        new ForeignKey(
            "fk_team",
            List.of("team_id"),
            QualifiedName.of("team"),
            List.of("id"),
            ReferentialAction.NO_ACTION,
            ReferentialAction.NO_ACTION,
            false,
            false);
    MigrationPlan busy = planned(ROWS, Safety.Online.AUTO, new AddConstraint(USERS, fk, false));
    assertEquals(List.of("AddConstraint", "ValidateConstraint"), kinds(busy));
    assertTrue(((AddConstraint) busy.upgrade().get(0)).notValid());
    assertEquals(LockImpact.Duration.BRIEF, busy.changes().get(0).lock().duration());
    assertEquals(
        List.of("DropConstraint"),
        busy.downgrade().stream().map(o -> o.getClass().getSimpleName()).toList());
  }

  @Test
  void setNotNullGoesThroughAValidatedCheckAndIsThenBrief() {
    AlterColumn notNull =
        new AlterColumn(USERS, "email", ColumnChange.NONE.withNullable(Change.of(true, false)));
    MigrationPlan busy = planned(ROWS, Safety.Online.AUTO, notNull);
    assertEquals(
        List.of("AddConstraint", "ValidateConstraint", "AlterColumn", "DropConstraint"),
        kinds(busy));
    assertEquals(LockImpact.Duration.BRIEF, busy.changes().get(2).lock().duration());
    // The downgrade drops NOT NULL without re-adding (and scanning for) the helper check.
    assertEquals(
        List.of("AlterColumn"),
        busy.downgrade().stream().map(o -> o.getClass().getSimpleName()).toList());
    MigrationPlan plain = planned(ROWS, Safety.Online.NEVER, notNull);
    assertEquals(LockImpact.Duration.SCANS, plain.changes().get(0).lock().duration());
  }

  @Test
  void aVolatileDefaultIsBackfilledAndAConstantOneIsLeftAlone() {
    Column token =
        Column.of("token", SqlType.parse("uuid"))
            .withDefault("gen_random_uuid()")
            .withNullable(false);
    assertEquals(
        List.of(
            "AddColumn",
            "AlterColumn",
            "BackfillColumn",
            "AddConstraint",
            "ValidateConstraint",
            "AlterColumn",
            "DropConstraint"),
        kinds(planned(ROWS, Safety.Online.AUTO, new AddColumn(USERS, token))));
    Column created =
        Column.of("created", SqlType.parse("timestamp with time zone")).withDefault("now()");
    assertEquals(
        List.of("AddColumn"),
        kinds(planned(ROWS, Safety.Online.AUTO, new AddColumn(USERS, created))));
  }

  @Test
  void aNotNullColumnWithoutADefaultOnATableWithRowsLeavesADecision() {
    Column born = Column.of("born_on", SqlType.parse("date")).withNullable(false);
    MigrationPlan busy = planned(ROWS, Safety.Online.AUTO, new AddColumn(USERS, born));
    assertEquals("AddColumn", kinds(busy).get(0));
    assertTrue(((AddColumn) busy.upgrade().get(0)).column().nullable());
    assertTrue(busy.upgrade().get(1) instanceof Decision);
    MigrationPlan never = planned(ROWS, Safety.Online.NEVER, new AddColumn(USERS, born));
    assertEquals(List.of("AddColumn", "Decision", "AlterColumn"), kinds(never));
    assertEquals(
        List.of("AddColumn"),
        kinds(planned(EMPTY, Safety.Online.AUTO, new AddColumn(USERS, born))));
  }

  @Test
  void typeChangesAreFlaggedOnlyWhenTheyRewrite() {
    assertTrue(TypeRewrites.rewrites(SqlType.parse("integer"), SqlType.parse("bigint")));
    assertTrue(
        TypeRewrites.rewrites(
            SqlType.parse("character varying(40)"), SqlType.parse("character varying(20)")));
    assertFalse(
        TypeRewrites.rewrites(
            SqlType.parse("character varying(20)"), SqlType.parse("character varying(40)")));
    assertFalse(
        TypeRewrites.rewrites(SqlType.parse("character varying(20)"), SqlType.parse("text")));
    assertFalse(
        TypeRewrites.rewrites(SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,2)")));
    assertTrue(
        TypeRewrites.rewrites(SqlType.parse("numeric(10,2)"), SqlType.parse("numeric(12,3)")));
    AlterColumn widen =
        new AlterColumn(
            USERS,
            "hits",
            ColumnChange.NONE.withType(
                Change.of(SqlType.parse("integer"), SqlType.parse("bigint")), null, null));
    assertEquals(1, planned(ROWS, Safety.Online.AUTO, widen).flags().size());
    assertEquals(0, planned(EMPTY, Safety.Online.AUTO, widen).flags().size());
  }

  @Test
  void volatileDefaultsAreToldFromStableOnes() {
    assertTrue(VolatileExpressions.isVolatile("gen_random_uuid()"));
    assertTrue(VolatileExpressions.isVolatile("nextval('users_id_seq'::regclass)"));
    assertTrue(VolatileExpressions.isVolatile("(random() * 10)::integer"));
    assertFalse(VolatileExpressions.isVolatile("now()"));
    assertFalse(VolatileExpressions.isVolatile("'random()'::text"));
    assertFalse(VolatileExpressions.isVolatile("0"));
    assertFalse(VolatileExpressions.isVolatile("'x'::character varying(20)"));
  }
}
