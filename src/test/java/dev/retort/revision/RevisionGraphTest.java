package dev.retort.revision;

import static dev.retort.revision.MigrationScript.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  /**
   *
   *
   * <pre>
   *   a1 -> b2 -> c3 --------> m6 -> n7
   *          \-> d4 -> e5 ----/
   * </pre>
   */
  private static final List<MigrationScript> BRANCH_AND_MERGE =
      List.of(
          of("a1"),
          of("b2", "a1"),
          of("c3", "b2"),
          of("d4", "b2"),
          of("e5", "d4"),
          of("m6", "c3", "e5"),
          of("n7", "m6"));

  private static RevisionGraph graph(List<MigrationScript> scripts) {
    return new RevisionGraph(scripts);
  }

  private static List<String> ids(List<MigrationScript> scripts) {
    return scripts.stream().map(MigrationScript::id).toList();
  }

  private static RetortException graphError(Runnable action) {
    RetortException e = assertThrows(RetortException.class, action::run);
    assertEquals(ExitCode.REVISION_GRAPH, e.exitCode(), e.getMessage());
    return e;
  }

  @Test
  void linearChainOrdersParentsFirstAndHasOneHead() {
    RevisionGraph g = graph(List.of(of("c3", "b2"), of("a1"), of("b2", "a1")));
    assertEquals(List.of("a1", "b2", "c3"), ids(g.inOrder()));
    assertEquals(List.of("c3"), g.heads());
  }

  @Test
  void branchesGiveSeveralHeadsAndBranchPoints() {
    RevisionGraph g = graph(List.of(of("a1"), of("b2", "a1"), of("c3", "a1")));
    assertEquals(List.of("b2", "c3"), g.heads());
    assertTrue(g.isBranchPoint("a1"));
  }

  @Test
  void mergeJoinsBranchesIntoOneHead() {
    RevisionGraph g = graph(BRANCH_AND_MERGE);
    assertEquals(List.of("n7"), g.heads());
    assertEquals(Set.of("a1", "b2", "c3", "d4", "e5", "m6"), g.ancestorsOf("m6"));
    assertEquals(Set.of("m6", "n7"), g.descendantsOf("m6"));
  }

  @Test
  void uniquePrefixResolvesAndAmbiguousPrefixFails() {
    RevisionGraph g = graph(List.of(of("abc123"), of("abd456", "abc123"), of("ff0000", "abd456")));
    assertEquals("ff0000", g.resolve("f"));
    assertEquals("abc123", g.resolve("abc"));
    RetortException e = graphError(() -> g.resolve("ab"));
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    assertTrue(e.getMessage().contains("abc123, abd456"), e.getMessage());
    graphError(() -> g.resolve("zz"));
  }

  @Test
  void duplicateIdsAreRejected() {
    RetortException e = graphError(() -> graph(List.of(of("a1"), of("a1"))));
    assertTrue(e.getMessage().contains("duplicate revision id a1"), e.getMessage());
  }

  @Test
  void missingParentIsRejected() {
    RetortException e = graphError(() -> graph(List.of(of("a1"), of("b2", "zz9"))));
    assertTrue(e.getMessage().contains("revises zz9, which no migration defines"), e.getMessage());
  }

  @Test
  void cyclesAreRejected() {
    RetortException e =
        graphError(() -> graph(List.of(of("a1"), of("b2", "a1", "c3"), of("c3", "b2"))));
    assertTrue(e.getMessage().contains("form a cycle"), e.getMessage());
    assertTrue(e.getMessage().contains("b2, c3"), e.getMessage());
    graphError(() -> graph(List.of(of("a1", "a1"))));
  }

  @Test
  void upgradeHeadFromBaseRunsEverythingInOrder() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    MigrationPath path = nav.upgrade(List.of(), "head");
    assertEquals(List.of("a1", "b2", "c3", "d4", "e5", "m6", "n7"), path.ids());
    assertEquals(List.of("a1"), path.headsAfterEachStep().get(0));
    assertEquals(List.of("c3"), path.headsAfterEachStep().get(2));
    assertEquals(List.of("c3", "e5"), path.headsAfterEachStep().get(4));
    assertEquals(List.of("m6"), path.headsAfterEachStep().get(5));
    assertEquals(List.of("n7"), path.endHeads());
  }

  @Test
  void upgradeFromOneBranchAppliesOnlyWhatIsMissing() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    assertEquals(List.of("d4", "e5", "m6", "n7"), nav.upgrade(List.of("c3"), "head").ids());
    assertEquals(List.of("d4"), nav.upgrade(List.of("c3"), "d4").ids());
    assertEquals(List.of("d4", "e5"), nav.upgrade(List.of("c3"), "+2").ids());
  }

  @Test
  void relativeUpgradeBeyondHeadFails() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    RetortException e = graphError(() -> nav.upgrade(List.of("m6"), "+2"));
    assertTrue(e.getMessage().contains("only 1 revision(s)"), e.getMessage());
  }

  @Test
  void upgradeHeadWithTwoHeadsFailsWithMergeAdvice() {
    RevisionNavigator nav =
        new RevisionNavigator(graph(List.of(of("a1"), of("b2", "a1"), of("c3", "a1"))));
    RetortException e = graphError(() -> nav.upgrade(List.of(), "head"));
    assertTrue(e.getMessage().contains("2 heads: b2, c3"), e.getMessage());
    assertTrue(e.hint().contains("retort merge"), e.hint());
    assertEquals(List.of("a1", "b2", "c3"), nav.upgrade(List.of(), "heads").ids());
    assertEquals(List.of("b2", "c3"), nav.upgrade(List.of(), "heads").endHeads());
  }

  @Test
  void downgradeToRevisionUndoesEverythingItDoesNotDependOn() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    MigrationPath path = nav.downgrade(List.of("n7"), "c3");
    assertEquals(List.of("n7", "m6", "e5", "d4"), path.ids());
    assertEquals(List.of("c3", "e5"), path.headsAfterEachStep().get(1));
    assertEquals(List.of("c3"), path.endHeads());
  }

  @Test
  void downgradeRelativeAndBase() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    assertEquals(List.of("n7", "m6"), nav.downgrade(List.of("n7"), "-2").ids());
    MigrationPath all = nav.downgrade(List.of("n7"), "base");
    assertEquals(7, all.steps().size());
    assertEquals(List.of(), all.endHeads());
    graphError(() -> nav.downgrade(List.of("b2"), "-3"));
  }

  @Test
  void downgradeToUnappliedRevisionFails() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    RetortException e = graphError(() -> nav.downgrade(List.of("c3"), "e5"));
    assertTrue(e.getMessage().contains("not applied"), e.getMessage());
  }

  @Test
  void unknownRevisionInDatabaseFailsWithRecoveryHint() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    RetortException e = graphError(() -> nav.upgrade(List.of("deadbeef"), "head"));
    assertTrue(e.getMessage().contains("deadbeef, which no migration defines"), e.getMessage());
    assertTrue(e.hint().contains("stamp"), e.hint());
  }

  @Test
  void wrongDirectionsAreInputErrors() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    assertEquals(
        ExitCode.INVALID_INPUT,
        assertThrows(RetortException.class, () -> nav.upgrade(List.of(), "base")).exitCode());
    assertEquals(
        ExitCode.INVALID_INPUT,
        assertThrows(RetortException.class, () -> nav.upgrade(List.of(), "-1")).exitCode());
    assertEquals(
        ExitCode.INVALID_INPUT,
        assertThrows(RetortException.class, () -> nav.downgrade(List.of(), "+1")).exitCode());
  }

  @Test
  void stampTargetsAndOfflineRanges() {
    RevisionNavigator nav = new RevisionNavigator(graph(BRANCH_AND_MERGE));
    assertEquals(List.of(), nav.stampHeads("base"));
    assertEquals(List.of("n7"), nav.stampHeads("head"));
    assertEquals(List.of("d4"), nav.stampHeads("d"));
    // FROM:TO offline: start from c3's state, go to head.
    assertEquals(List.of("d4", "e5", "m6", "n7"), nav.upgrade(nav.stampHeads("c3"), "head").ids());
  }

  @Test
  void betweenIncludesBothEnds() {
    RevisionGraph g = graph(BRANCH_AND_MERGE);
    assertEquals(List.of("b2", "c3", "d4", "e5", "m6"), ids(g.between("b2", "m6")));
    assertEquals(List.of("m6", "n7"), ids(g.between("m6", null)));
  }

  @Test
  void emptyGraphHasNothingToDo() {
    RevisionNavigator nav = new RevisionNavigator(graph(List.of()));
    assertTrue(nav.upgrade(List.of(), "head").isEmpty());
  }
}
