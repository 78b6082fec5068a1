package dev.retort.lint;

import dev.retort.postgres.StableFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;

/**
 * Whether a default expression is volatile, i.e. PostgreSQL must compute it for every existing row
 * when a column is added with it, rewriting the table. The expression is parsed and its function
 * calls looked up: a function known to be immutable or stable ({@code now()}, {@code lower()}) is
 * computed once and stored (PostgreSQL 11+); the known volatile built-ins ({@code random()}, {@code
 * clock_timestamp()}, {@code gen_random_uuid()}, {@code nextval()}...) and any other function
 * (user-defined functions are volatile unless declared otherwise) count as volatile.
 */
final class Volatility {

  private Volatility() {}

  /** The volatile functions the expression calls; empty when it is safe to add as a default. */
  static List<String> volatileCalls(String expression) {
    Expression parsed = SqlParsing.expression(expression);
    if (parsed == null) {
      return List.of();
    }
    List<String> calls = new ArrayList<>();
    parsed.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Function function, S context) {
            String name = function.getName().toLowerCase(Locale.ROOT);
            String bare = name.startsWith("pg_catalog.") ? name.substring(11) : name;
            if (!StableFunctions.contains(bare)) {
              calls.add(bare + "()");
            }
            return super.visit(function, context);
          }
        },
        null);
    return calls;
  }

  static boolean callsNextval(String expression) {
    return volatileCalls(expression).contains("nextval()");
  }
}
