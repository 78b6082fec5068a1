package dev.retort.workspace;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.util.List;

/**
 * What a fleet command did to one tenant.
 *
 * @param tenant the tenant's name
 * @param from its heads before
 * @param to its heads after (for {@code pending}, the heads it would reach)
 * @param migrations how many migrations ran (or, for {@code pending} and a tenant behind in {@code
 *     check}, would run)
 * @param millis how long its turn took
 * @param error the one-line cause when it failed, else null
 * @param code the exit code its failure alone would have given (OK when none)
 * @param differences for a tenant that drifted: the first of what would make it what it should be
 *     (the rest are only counted, so a fleet's results stay small)
 * @param differenceCount how many differences there are in all
 */
public record TenantResult(
    String tenant,
    List<String> from,
    List<String> to,
    int migrations,
    long millis,
    Status status,
    String error,
    ExitCode code,
    List<String> differences,
    int differenceCount) {

  /** How many differences of a drifted tenant its result keeps, in the plan's order. */
  static final int DIFFERENCES_KEPT = 3;

  public TenantResult {
    from = List.copyOf(from);
    to = List.copyOf(to);
    differences = List.copyOf(differences);
  }

  public enum Status {
    /** Migrations ran. */
    DONE,
    /** Already where the command would take it: nothing to do (a resumed run skips it). */
    AT_TARGET,
    /** Not at the target ({@code current}, {@code pending}, {@code check}). */
    BEHIND,
    /**
     * At its revision, but its catalog is not what it should be: the entities' ({@code check}) or
     * what the migrations build ({@code drift}).
     */
    DRIFTED,
    FAILED,
    /** The fleet stopped before its turn. */
    NOT_RUN;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** A failed turn: Retort's own errors by their message and code, anything else as internal. */
  static TenantResult failed(Tenant tenant, Throwable failure, long startNanos) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    boolean ours = failure instanceof RetortException;
    String message =
        ours
            ? failure.getMessage()
            : failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    return new TenantResult(
        tenant.name(),
        List.of(),
        List.of(),
        0,
        millis,
        Status.FAILED,
        message,
        ours ? ((RetortException) failure).exitCode() : ExitCode.INTERNAL,
        List.of(),
        0);
  }

  static TenantResult notRun(Tenant tenant) {
    return new TenantResult(
        tenant.name(), List.of(), List.of(), 0, 0, Status.NOT_RUN, null, ExitCode.OK, List.of(), 0);
  }

  /** The same result, drifted, keeping the first {@link #DIFFERENCES_KEPT} of {@code all}. */
  TenantResult drifted(List<String> all) {
    return new TenantResult(
        tenant,
        from,
        to,
        migrations,
        millis,
        Status.DRIFTED,
        error,
        code,
        all.subList(0, Math.min(DIFFERENCES_KEPT, all.size())),
        all.size());
  }
}
