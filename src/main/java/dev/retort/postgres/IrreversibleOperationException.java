package dev.retort.postgres;

/** Raised when an {@link dev.retort.operation.Irreversible} step is reached. */
public final class IrreversibleOperationException extends RuntimeException {
  public IrreversibleOperationException(String reason) {
    super(reason);
  }
}
