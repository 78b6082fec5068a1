package dev.retort.postgres;

/** Raised when a {@link dev.retort.operation.Decision} is reached: it has no SQL until answered. */
public final class UnresolvedDecisionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnresolvedDecisionException(String question) {
    super(question);
  }
}
