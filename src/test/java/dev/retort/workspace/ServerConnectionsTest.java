package dev.retort.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
