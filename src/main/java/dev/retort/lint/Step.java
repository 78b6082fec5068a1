package dev.retort.lint;

import dev.retort.operation.Operation;
import net.sf.jsqlparser.statement.Statement;

/**
 * One thing a migration does, at a source line: an operation it issued, or one read from the SQL of
 * an {@code op.execute(...)}.
 *
 * @param index the position in the migration, from 0
 * @param operation the operation, or null for a raw statement no operation stands for (UPDATE)
 * @param statement the parsed raw SQL statement, or null for an operation the DSL issued
 * @param parseError why the SQL of an {@code op.execute(...)} could not be read, or null
 */
record Step(int index, int line, Operation operation, Statement statement, String parseError) {

  boolean fromSql() {
    return statement != null;
  }
}
