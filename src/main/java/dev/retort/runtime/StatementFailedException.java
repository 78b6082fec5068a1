package dev.retort.runtime;

import java.sql.SQLException;

/** Carries a failed statement out through migration code, which sees no checked exceptions. */
final class StatementFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String statement;
  private final int number;

  StatementFailedException(String statement, int number, SQLException cause) {
    super(cause.getMessage(), cause);
    this.statement = statement;
    this.number = number;
  }

  String statement() {
    return statement;
  }

  /** The statement's position in its step, from 1. */
  int number() {
    return number;
  }

  SQLException sqlCause() {
    return (SQLException) getCause();
  }
}
