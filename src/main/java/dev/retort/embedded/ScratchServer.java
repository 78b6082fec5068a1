package dev.retort.embedded;

import dev.retort.config.DatabaseUrl;
import dev.retort.postgres.Identifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A throwaway PostgreSQL server Retort owns for the length of a command: where the entity model is
 * canonicalized when the target refuses scratch schemas, and where the migrations are replayed when
 * no database is configured. The embedded server, or a container ({@code shadow.image}); its user
 * is a superuser, so it may create databases and extensions.
 */
public interface ScratchServer extends AutoCloseable {

  /**
   * Where scratch servers come from, chosen once from the configuration ({@code
   * dev.retort.shadow.ShadowServers}) and handed to the stages that need one.
   */
  interface Factory {

    /** Starts a server; the caller closes it. */
    ScratchServer start();

    /** How messages name the server before it runs ("the embedded PostgreSQL"). */
    String describe();
  }

  /** Starts a server on another thread, so that work not needing it yet goes on meanwhile. */
  static Starting inBackground(Supplier<ScratchServer> start) {
    return new Starting(CompletableFuture.supplyAsync(start));
  }

  /** A server being started: {@link #get()} waits for it; closing stops it. */
  final class Starting implements AutoCloseable {

    /** Longer than any start: the embedded server's own wait for a started server is a minute. */
    private static final Duration START_BOUND = Duration.ofMinutes(3);

    private final CompletableFuture<ScratchServer> future;

    private Starting(CompletableFuture<ScratchServer> future) {
      this.future = future;
    }

    public ScratchServer get() {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw e;
      }
    }

    /**
     * Waits for the start to end, then stops the server. Waiting costs only a run that fails before
     * it needed the server; not waiting would leave a half-made data directory, or a postmaster
     * started after the process ended.
     */
    @Override
    public void close() {
      ScratchServer server;
      try {
        server = future.get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | CancellationException e) {
        return; // it never started: nothing to stop
      } catch (TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        future.thenAccept(ScratchServer::close); // stopped when the start ends, if this runs then
        return;
      }
      server.close();
    }
  }

  /** The URL of a database on this server. */
  DatabaseUrl url(String database);

  /**
   * How messages name this server: "the embedded PostgreSQL 17", "the container postgres:16". The
   * server is named, never its URL or password.
   */
  String describe();

  /** Creates an empty database (from template0, so nothing from template1 leaks in). */
  default DatabaseUrl createDatabase(String name) {
    maintenance(
        "CREATE DATABASE "
            + Identifiers.quote(name)
            + " TEMPLATE template0 ENCODING 'UTF8'"
            + " LC_COLLATE 'C' LC_CTYPE 'C'",
        "cannot create database " + name);
    return url(name);
  }

  default void dropDatabase(String name) {
    maintenance(
        "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)",
        "cannot drop database " + name);
  }

  /** Stops the server; nothing in it outlives this. */
  @Override
  void close();

  /**
   * Stops the server cleanly and hands its data directory to the caller, who keeps or deletes it;
   * null (and the server simply stopped) when it has none on this machine, as a container has not.
   */
  default Path stopLeavingData() {
    close();
    return null;
  }

  /**
   * A statement on the server's maintenance database, over a plain connection: the server is
   * Retort's own, so none of the session settings a user's database needs apply.
   */
  private void maintenance(String sql, String failure) {
    DatabaseUrl postgres = url("postgres");
    Properties properties = new Properties();
    properties.setProperty("user", postgres.user());
    if (postgres.password() != null) {
      properties.setProperty("password", postgres.password());
    }
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(failure + ": " + e.getMessage(), e);
    }
  }
}
