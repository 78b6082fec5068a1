package dev.retort.error;

/** Process exit codes; a stable contract documented in {@code retort --help}. */
public enum ExitCode {
  OK(0, "success"),
  DIFFERENCES(
      1,
      "check found differences between the entities and the migrations, or lint found problems"
          + " at or above --fail-on"),
  INVALID_INPUT(2, "invalid input: usage, configuration, URL, entities"),
  DATABASE_UNAVAILABLE(3, "database unreachable or refused the connection"),
  REVISION_GRAPH(
      4, "revision graph problem: multiple heads, unknown revision, cycle, duplicate id"),
  MIGRATION_FAILED(
      5, "a migration failed to compile, load or run (the message says what stayed applied)"),
  LOCK_TIMEOUT(6, "another runner held the migration lock for longer than lock.timeout"),
  CHECKSUM_MISMATCH(
      7, "an applied migration was edited since it was applied ('retort repair' accepts the edit)"),
  TENANTS_FAILED(
      8,
      "--tenants: some tenants failed (the others went on: --continue-on-error); the report names"
          + " them"),
  TENANTS_STOPPED(
      9,
      "--tenants: the fleet stopped at a failure (a canary, or the first failure without"
          + " --continue-on-error); the tenants after it were not run"),
  SHADOW_UNAVAILABLE(
      10,
      "the scratch database lacks what is needed: shadow.image without a Docker engine or"
          + " Testcontainers, or an extension the entities or the migrations use is missing"),
  INTERNAL(70, "internal error (a bug: please report it)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
