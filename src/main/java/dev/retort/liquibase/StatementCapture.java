package dev.retort.liquibase;

import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.executor.LoggingExecutor;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Liquibase's SQL-output executor, keeping each statement on its own instead of writing a script:
 * what {@code update-sql} would print, with the changeset's {@code modifySql} applied, one string a
 * statement. Retort executes them one by one, so a {@code CREATE INDEX CONCURRENTLY} never shares a
 * (implicit) transaction with another statement.
 */
final class StatementCapture extends LoggingExecutor {

  private final List<String> statements = new ArrayList<>();

  StatementCapture(Database database) {
    super(null, null, database);
  }

  List<String> statements() {
    return statements;
  }

  @Override
  public void execute(SqlStatement statement) throws DatabaseException {
    execute(statement, List.of());
  }

  @Override
  public void execute(SqlStatement statement, List<SqlVisitor> visitors) throws DatabaseException {
    if (SqlGeneratorFactory.getInstance().generateStatementsVolatile(statement, database)) {
      throw new NeedsLiveDatabase(statement);
    }
    for (String sql : applyVisitors(statement, visitors)) {
      if (sql != null && !sql.isBlank()) {
        statements.add(sql.strip());
      }
    }
  }

  @Override
  public int update(SqlStatement statement) throws DatabaseException {
    execute(statement, List.of());
    return 0;
  }

  @Override
  public int update(SqlStatement statement, List<SqlVisitor> visitors) throws DatabaseException {
    execute(statement, visitors);
    return 0;
  }

  /** A statement whose SQL Liquibase writes from the live database only, as update-sql says. */
  static final class NeedsLiveDatabase extends DatabaseException {
    NeedsLiveDatabase(SqlStatement statement) {
      super(
          statement.getClass().getSimpleName()
              + " needs to read the live database, which Liquibase cannot do offline");
    }
  }

  static boolean needsLiveDatabase(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof NeedsLiveDatabase) {
        return true;
      }
    }
    return false;
  }

  /** Liquibase's progress comments ("Rolling Back ChangeSet: ...") are no statements. */
  @Override
  public void comment(String message) {}
}
