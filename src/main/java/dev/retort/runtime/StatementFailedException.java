package dev.retort.runtime;

import java.sql.SQLException;

/** Carries a failed statement out through migration code, which sees no checked exceptions. */
final class StatementFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String statement;

  StatementFailedException(String statement, SQLException cause) {
    super(cause.getMessage(), cause);
    this.statement = statement;
  }

  String statement() {
    return statement;
  }
}
