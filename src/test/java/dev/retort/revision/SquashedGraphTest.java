package dev.retort.revision;

import static dev.retort.revision.MigrationScript.of;
import static dev.retort.revision.MigrationScript.squashOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A squash {@code s9} of {@code a1 -> b2 -> c3}, with {@code d4} revising {@code c3}. */
class SquashedGraphTest {

  private static final MigrationScript SQUASH = squashOf("s9", List.of("a1", "b2", "c3"));

  private static List<String> ids(List<MigrationScript> scripts) {
    return scripts.stream().map(MigrationScript::id).toList();
  }

  @Test
  void whileTheReplacedFilesExistTheyAreUsedAndTheSquashMeansItsLastRevision() {
    RevisionGraph graph =
        new RevisionGraph(
            List.of(of("a1"), of("b2", "a1"), of("c3", "b2"), of("d4", "c3"), SQUASH));
    assertEquals(List.of("a1", "b2", "c3", "d4"), ids(graph.inOrder()));
    assertEquals(List.of("d4"), graph.heads());
    assertEquals(List.of("c3"), graph.canonical(List.of("s9")));
    assertEquals(List.of("b2"), graph.canonical(List.of("b2")));
    assertEquals("c3", graph.resolve("s9"));
    assertEquals(List.of("c3", "d4"), ids(graph.upgradePath(List.of("b2"), graph.heads())));
    assertEquals(Map.of("s9", List.of("a1", "b2", "c3")), graph.waitingSquashes());
  }

  @Test
  void onceTheyAreGoneTheSquashStandsForTheRevisionItIsEquivalentTo() {
    RevisionGraph graph = new RevisionGraph(List.of(of("d4", "c3"), SQUASH));
    assertEquals(List.of("s9", "d4"), ids(graph.inOrder()));
    assertEquals(List.of("s9"), graph.get("d4").parents());
    assertEquals(List.of("s9"), graph.canonical(List.of("c3")));
    assertEquals(List.of("d4"), graph.canonical(List.of("d4")));
    assertEquals("s9", graph.resolve("c3"));
    assertEquals(
        List.of("d4"), ids(graph.upgradePath(graph.canonical(List.of("c3")), graph.heads())));
    assertTrue(graph.get("s9").isSquash());
  }

  @Test
  void someFilesGoneCountsAsAllGone() {
    RevisionGraph graph = new RevisionGraph(List.of(of("a1"), of("d4", "c3"), SQUASH));
    assertEquals(List.of("s9", "d4"), ids(graph.inOrder()));
  }

  @Test
  void aDatabasePartwayAlongDeletedFilesIsToldHowToGetPast() {
    RevisionGraph graph = new RevisionGraph(List.of(of("d4", "c3"), SQUASH));
    RetortException e = assertThrows(RetortException.class, () -> graph.canonical(List.of("b2")));
    assertEquals(ExitCode.REVISION_GRAPH, e.exitCode());
    assertTrue(e.getMessage().contains("b2, which squash s9 replaced"), e.getMessage());
    assertTrue(e.hint().contains("restore the replaced migrations"), e.hint());
  }

  @Test
  void aChildOfARevisionReplacedPartwayIsRefused() {
    RetortException e =
        assertThrows(
            RetortException.class, () -> new RevisionGraph(List.of(of("x5", "b2"), SQUASH)));
    assertTrue(e.getMessage().contains("x5"), e.getMessage());
    assertTrue(e.getMessage().contains("replaced partway"), e.getMessage());
  }
}
