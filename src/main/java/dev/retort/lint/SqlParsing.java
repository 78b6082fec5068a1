package dev.retort.lint;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The SQL parser (JSqlParser), behind two calls. JSqlParser parses on an executor thread (for its
 * timeout); one daemon thread serves every call, so a run never waits for idle parser threads.
 */
final class SqlParsing {

  private static final ExecutorService PARSER =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "retort-sql-parser");
            thread.setDaemon(true);
            return thread;
          });

  private SqlParsing() {}

  /**
   * The statements of an SQL text, or the parser's complaint.
   *
   * @param statements empty when the text could not be parsed
   * @param error the first line of the parser's message, or null
   */
  record Parsed(List<Statement> statements, String error) {}

  static Parsed statements(String sql) {
    try {
      Statements parsed = CCJSqlParserUtil.parseStatements(sql, PARSER, parser -> {});
      for (Statement statement : parsed) {
        // The parser hands back statements it does not know (ALTER TYPE ...) as "unsupported".
        if (statement instanceof UnsupportedStatement) {
          return new Parsed(List.of(), "unsupported statement: " + firstLine(statement.toString()));
        }
      }
      return new Parsed(List.copyOf(parsed), null);
    } catch (JSQLParserException | RuntimeException e) {
      return new Parsed(List.of(), firstLine(String.valueOf(e.getMessage())));
    }
  }

  /** An SQL expression (a default, a check), or null when the parser cannot read it. */
  static Expression expression(String sql) {
    try {
      return CCJSqlParserUtil.parseExpression(sql, false, parser -> {});
    } catch (JSQLParserException | RuntimeException e) {
      return null;
    }
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }
}
