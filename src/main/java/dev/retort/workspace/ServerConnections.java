package dev.retort.workspace;

import dev.retort.connect.Connections;
import dev.retort.error.RetortException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's connections: reused from tenant to tenant of one database (schema tenants share a
 * connection; each run re-prepares its session), and never more than {@code perServer} open to one
 * server, so a fleet of many databases on one host does not flood it. An idle connection to another
 * database of a full server is closed to make room, and one whose database has no tenant left to
 * come is closed at once (a database-per-tenant fleet would otherwise keep the cap's worth open).
 *
 * <p>A turn that opens a connection of its own besides the lent one ({@code lock.mode=table}'s lock
 * row, taken and beaten outside the migrations' transactions) has a slot for it reserved with the
 * lent one, in one step: reserving them one after the other could leave every turn holding one and
 * waiting for the other. So the slots counted (and the peak reported) are an upper bound of the
 * connections really open, and the cap holds for all of them.
 */
final class ServerConnections implements AutoCloseable {

  private final int perServer;
  private final int extraPerTurn;
  private final Map<String, Server> servers = new HashMap<>();
  private final Map<String, Integer> turnsLeft = new HashMap<>();
  private int slots;
  private int peak;

  /** The connections open to one server, idle ones by database (URL and user). */
  private static final class Server {
    int open;
    int reserved;
    final Map<String, Deque<Connection>> idle = new HashMap<>();

    /**
     * An idle connection that can be closed to make room for {@code key}'s turn: one to another
     * database, or a second one to its own (the first is the one it reuses).
     */
    Connection spare(String key) {
      for (Map.Entry<String, Deque<Connection>> entry : idle.entrySet()) {
        if (!entry.getKey().equals(key) && !entry.getValue().isEmpty()) {
          return entry.getValue().pop();
        }
      }
      Deque<Connection> own = idle.get(key);
      return own != null && own.size() > 1 ? own.pollLast() : null;
    }
  }

  /**
   * @param tenants every tenant that will ask for a connection, once each
   */
  ServerConnections(int perServer, List<Tenant> tenants) {
    this(perServer, 0, tenants);
  }

  /**
   * @param extraPerTurn connections a turn opens itself besides the one lent to it (1 for a table
   *     lock's), counted within the cap
   * @param tenants every tenant that will ask for a connection, once each
   */
  ServerConnections(int perServer, int extraPerTurn, List<Tenant> tenants) {
    if (perServer < 1 + extraPerTurn) {
      throw RetortException.invalidInput(
          "--per-server "
              + perServer
              + " leaves no room for the lock row's own connection (lock.mode=table): each tenant"
              + " needs "
              + (1 + extraPerTurn)
              + " at once",
          "give --per-server " + (1 + extraPerTurn) + " or more");
    }
    this.perServer = perServer;
    this.extraPerTurn = extraPerTurn;
    tenants.forEach(t -> turnsLeft.merge(key(t), 1, Integer::sum));
  }

  /**
   * A connection to the tenant's database (an idle one, a new one, or one once slots free), with
   * the slots for the connections the turn opens itself reserved until {@link #give}.
   */
  Connection take(Tenant tenant) throws InterruptedException {
    Server server;
    String key = key(tenant);
    synchronized (this) {
      server = servers.computeIfAbsent(tenant.server(), s -> new Server());
      turnsLeft.merge(key, -1, Integer::sum);
      while (true) {
        Deque<Connection> idle = server.idle.get(key);
        boolean reuse = idle != null && !idle.isEmpty();
        int needed = (reuse ? 0 : 1) + extraPerTurn;
        if (server.open + server.reserved + needed <= perServer) {
          server.reserved += extraPerTurn;
          slots += needed;
          peak = Math.max(peak, slots);
          if (reuse) {
            return idle.pop();
          }
          server.open++;
          break;
        }
        Connection spare = server.spare(key);
        if (spare != null) {
          // Its slot goes to this turn.
          closeQuietly(spare);
          server.open--;
          slots--;
          continue;
        }
        wait();
      }
    }
    try {
      return Connections.open(tenant.url());
    } catch (RuntimeException e) {
      synchronized (this) {
        server.open--;
        server.reserved -= extraPerTurn;
        slots -= 1 + extraPerTurn;
        notifyAll();
      }
      throw e;
    }
  }

  /**
   * Gives a connection back, and the turn's reserved slots (the connections it opened itself are
   * closed by then): kept for the next tenant of its database when it is still good, closed
   * otherwise (after a failure its session state is not worth trusting).
   */
  synchronized void give(Tenant tenant, Connection connection, boolean reusable) {
    Server server = servers.get(tenant.server());
    server.reserved -= extraPerTurn;
    slots -= extraPerTurn;
    if (reusable && turnsLeft.getOrDefault(key(tenant), 0) > 0 && usable(connection)) {
      server.idle.computeIfAbsent(key(tenant), k -> new ArrayDeque<>()).push(connection);
    } else {
      closeQuietly(connection);
      server.open--;
      slots--;
    }
    notifyAll();
  }

  /** The most slots in use at once: connections open, and reserved for those a turn opens. */
  synchronized int peak() {
    return peak;
  }

  @Override
  public synchronized void close() {
    for (Server server : servers.values()) {
      for (Deque<Connection> connections : server.idle.values()) {
        connections.forEach(ServerConnections::closeQuietly);
        server.open -= connections.size();
        slots -= connections.size();
        connections.clear();
      }
    }
  }

  private static String key(Tenant tenant) {
    return tenant.url().jdbcUrl() + "\u0000" + tenant.url().user();
  }

  private static boolean usable(Connection connection) {
    try {
      return !connection.isClosed() && connection.getAutoCommit();
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // A connection that fails to close is gone either way.
    }
  }
}
