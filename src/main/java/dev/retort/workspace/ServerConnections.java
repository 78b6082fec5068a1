package dev.retort.workspace;

import dev.retort.connect.Connections;
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
 */
final class ServerConnections implements AutoCloseable {

  private final int perServer;
  private final Map<String, Server> servers = new HashMap<>();
  private final Map<String, Integer> turnsLeft = new HashMap<>();
  private int open;
  private int peak;

  /** The connections open to one server, idle ones by database (URL and user). */
  private static final class Server {
    int open;
    final Map<String, Deque<Connection>> idle = new HashMap<>();

    Connection anyIdle() {
      for (Deque<Connection> connections : idle.values()) {
        if (!connections.isEmpty()) {
          return connections.pop();
        }
      }
      return null;
    }
  }

  /**
   * @param tenants every tenant that will ask for a connection, once each
   */
  ServerConnections(int perServer, List<Tenant> tenants) {
    this.perServer = perServer;
    tenants.forEach(t -> turnsLeft.merge(key(t), 1, Integer::sum));
  }

  /** A connection to the tenant's database: an idle one, a new one, or one once a slot frees. */
  Connection take(Tenant tenant) throws InterruptedException {
    Server server;
    synchronized (this) {
      server = servers.computeIfAbsent(tenant.server(), s -> new Server());
      turnsLeft.merge(key(tenant), -1, Integer::sum);
      while (true) {
        Deque<Connection> idle = server.idle.get(key(tenant));
        if (idle != null && !idle.isEmpty()) {
          return idle.pop();
        }
        if (server.open < perServer) {
          server.open++;
          open++;
          peak = Math.max(peak, open);
          break;
        }
        Connection other = server.anyIdle();
        if (other != null) {
          // Its slot passes to the new connection.
          closeQuietly(other);
          break;
        }
        wait();
      }
    }
    try {
      return Connections.open(tenant.url());
    } catch (RuntimeException e) {
      synchronized (this) {
        server.open--;
        open--;
        notifyAll();
      }
      throw e;
    }
  }

  /**
   * Gives a connection back: kept for the next tenant of its database when it is still good, closed
   * otherwise (after a failure its session state is not worth trusting).
   */
  synchronized void give(Tenant tenant, Connection connection, boolean reusable) {
    Server server = servers.get(tenant.server());
    if (reusable && turnsLeft.getOrDefault(key(tenant), 0) > 0 && usable(connection)) {
      server.idle.computeIfAbsent(key(tenant), k -> new ArrayDeque<>()).push(connection);
    } else {
      closeQuietly(connection);
      server.open--;
      open--;
    }
    notifyAll();
  }

  synchronized int peak() {
    return peak;
  }

  @Override
  public synchronized void close() {
    for (Server server : servers.values()) {
      for (Deque<Connection> connections : server.idle.values()) {
        connections.forEach(ServerConnections::closeQuietly);
        server.open -= connections.size();
        open -= connections.size();
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
