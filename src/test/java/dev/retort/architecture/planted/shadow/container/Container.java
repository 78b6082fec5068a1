package dev.retort.architecture.planted.shadow.container;

/** Planted: the container server, where Testcontainers belongs. */
public class Container {
  org.testcontainers.postgresql.PostgreSQLContainer container;
}
