package dev.retort.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.testing.PostgresExtension;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestServer;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fleet's connections on a real server: reused, capped per server, closed when done. */
@ExtendWith(PostgresExtension.class)
class ServerConnectionsTest {

  @Test
  void schemaTenantsOfOneDatabaseShareAConnectionUntilTheLastOne(TestDatabase db) throws Exception {
    Tenant a = new Tenant("a", db.url(), List.of("a"));
    Tenant b = new Tenant("b", db.url(), List.of("b"));
    try (ServerConnections connections = new ServerConnections(2, List.of(a, b))) {
      Connection first = connections.take(a);
      connections.give(a, first, true);
      Connection second = connections.take(b);
      assertSame(first, second, "reused for the next tenant of the database");
      connections.give(b, second, true);
      assertTrue(second.isClosed(), "no tenant of it is left: closed at once");
      assertEquals(1, connections.peak());
    }
  }

  @Test
  void aFullServerMakesTheNextTenantWaitAndAFailedTurnsConnectionIsNotReused(TestDatabase db)
      throws Exception {
    TestDatabase other = TestServer.get().createDatabase();
    Tenant a = new Tenant("a", db.url(), List.of("public"));
    Tenant b = new Tenant("b", other.url(), List.of("public"));
    Tenant c = new Tenant("c", db.url(), List.of("public"));
    try (ServerConnections connections = new ServerConnections(1, List.of(a, b, c))) {
      Connection held = connections.take(a);
      CompletableFuture<Connection> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return connections.take(b);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      try {
        waiting.get(300, TimeUnit.MILLISECONDS);
        throw new AssertionError("a second connection to a server capped at one");
      } catch (TimeoutException expected) {
        // It waits for the slot.
      }
      connections.give(a, held, false);
      assertTrue(held.isClosed(), "a failed turn's connection is closed");
      Connection forB = waiting.get(10, TimeUnit.SECONDS);
      assertFalse(forB.isClosed());
      connections.give(b, forB, true);
      assertEquals(1, connections.peak(), "never more than the cap");
    }
  }

  @Test
  void aTurnThatOpensALockConnectionHasItsSlotReservedWithinTheCap(TestDatabase db)
      throws Exception {
    TestDatabase other = TestServer.get().createDatabase();
    Tenant a = new Tenant("a", db.url(), List.of("public"));
    Tenant b = new Tenant("b", other.url(), List.of("public"));
    try (ServerConnections connections = new ServerConnections(3, 1, List.of(a, b))) {
      Connection held = connections.take(a);
      CompletableFuture<Connection> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return connections.take(b);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      try {
        waiting.get(300, TimeUnit.MILLISECONDS);
        throw new AssertionError("a's turn holds 2 of 3 slots: b's turn needs 2 more");
      } catch (TimeoutException expected) {
        // It waits for a's turn to end.
      }
      assertEquals(2, connections.peak(), "the lent connection and the lock's slot");
      connections.give(a, held, true);
      Connection forB = waiting.get(10, TimeUnit.SECONDS);
      connections.give(b, forB, true);
      assertEquals(2, connections.peak(), "never more than one turn's two slots at once");
    }
  }

  @Test
  void aCapTooSmallForTheLockConnectionIsRefused(TestDatabase db) {
    Tenant a = new Tenant("a", db.url(), List.of("public"));
    RetortException e =
        assertThrows(RetortException.class, () -> new ServerConnections(1, 1, List.of(a)));
    assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("--per-server 1 leaves no room"), e.getMessage());
    assertTrue(e.hint().contains("--per-server 2"), e.hint());
  }

  @Test
  void aSecondIdleConnectionToItsOwnDatabaseMakesRoomForATurn(TestDatabase db) throws Exception {
    TestDatabase other = TestServer.get().createDatabase();
    Tenant a1 = new Tenant("a1", db.url(), List.of("a1"));
    Tenant a2 = new Tenant("a2", db.url(), List.of("a2"));
    Tenant a3 = new Tenant("a3", db.url(), List.of("a3"));
    Tenant b = new Tenant("b", other.url(), List.of("public"));
    try (ServerConnections connections = new ServerConnections(4, 1, List.of(a1, a2, b, a3))) {
      Connection one = connections.take(a1);
      Connection two = connections.take(a2);
      connections.give(a1, one, true);
      connections.give(a2, two, true);
      Connection forB = connections.take(b);
      // Two idle to a's database, b's turn holding two slots: a3 reuses one idle connection and
      // needs its lock slot, which only closing the other idle one frees.
      Connection forA3 = connections.take(a3);
      assertTrue(one.isClosed() != two.isClosed(), "one idle connection closed, one reused");
      assertSame(one.isClosed() ? two : one, forA3);
      connections.give(b, forB, true);
      connections.give(a3, forA3, true);
      assertEquals(4, connections.peak());
    }
  }
}
