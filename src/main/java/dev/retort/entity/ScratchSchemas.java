package dev.retort.entity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The throwaway schemas the entity model's DDL runs in, one per real schema: the configured ones,
 * plus any other an entity names (allocated as Hibernate asks). The names carry a random token so
 * they can never meet a real schema, and stay within PostgreSQL's 63 bytes.
 */
public final class ScratchSchemas {

  private final String token;
  private final Map<String, String> scratchByReal = new LinkedHashMap<>();

  public ScratchSchemas(List<String> configuredSchemas) {
    byte[] bytes = new byte[4];
    new SecureRandom().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
    configuredSchemas.forEach(this::scratchFor);
  }

  private ScratchSchemas(List<String> configuredSchemas, boolean identity) {
    this.token = null;
    configuredSchemas.forEach(this::scratchFor);
  }

  /**
   * No redirection: every schema is itself. Gives the DDL exactly as the application would run it
   * (for tests that build a database from the entities).
   */
  public static ScratchSchemas identity(List<String> configuredSchemas) {
    return new ScratchSchemas(configuredSchemas, true);
  }

  /** The scratch schema standing for {@code realSchema}. */
  public synchronized String scratchFor(String realSchema) {
    return scratchByReal.computeIfAbsent(
        realSchema,
        s -> token == null ? s : "retort_scratch_" + token + "_" + scratchByReal.size());
  }

  public synchronized String realFor(String scratchSchema) {
    for (Map.Entry<String, String> entry : scratchByReal.entrySet()) {
      if (entry.getValue().equals(scratchSchema)) {
        return entry.getKey();
      }
    }
    return scratchSchema;
  }

  public synchronized List<String> realSchemas() {
    return new ArrayList<>(scratchByReal.keySet());
  }

  public synchronized List<String> scratchNames() {
    return new ArrayList<>(scratchByReal.values());
  }

  /** Text with this run's random token replaced by a fixed one, for cache keys and entries. */
  String normalize(String text) {
    return token == null
        ? text
        : text.replace("retort_scratch_" + token + "_", "retort_scratch_#_");
  }

  /** The opposite of {@link #normalize}: a cached text with this run's token. */
  String restore(String text) {
    return token == null
        ? text
        : text.replace("retort_scratch_#_", "retort_scratch_" + token + "_");
  }
}
