package dev.retort.entity;

import java.util.List;
import java.util.Map;

/**
 * What reading the entities needs.
 *
 * @param packages the package prefixes holding the entities
 * @param hibernate settings passed to Hibernate, keys with their {@code hibernate.} prefix
 * @param postgresMajor the server's major version, which Hibernate's dialect follows
 * @param schemas the configured schemas, the default first
 */
public record EntityRequest(
    EntityClasspath classpath,
    List<String> packages,
    Map<String, String> hibernate,
    int postgresMajor,
    List<String> schemas) {

  public EntityRequest {
    packages = List.copyOf(packages);
    hibernate = Map.copyOf(hibernate);
    schemas = List.copyOf(schemas);
  }
}
