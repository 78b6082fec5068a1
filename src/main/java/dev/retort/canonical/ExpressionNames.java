package dev.retort.canonical;

import dev.retort.canonical.PostgresNames.Unmodelled;
import dev.retort.canonical.SqlTokens.Token;
import dev.retort.canonical.SqlTokens.Unsupported;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names an SQL expression mentions, for probing a check and naming it as PostgreSQL does. */
final class ExpressionNames {

  private ExpressionNames() {}

  /**
   * Every name in the expression as written that is not a function's: a superset of the columns it
   * reads. An expression this cannot read gives none, and its probe then fails in PostgreSQL, which
   * sends the model down the reference path.
   */
  static Set<String> of(String expression) {
    Set<String> names = new LinkedHashSet<>();
    try {
      List<Token> tokens = SqlTokens.of(expression).all();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (token.isName() && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("("))) {
          names.add(token.name());
        }
      }
    } catch (Unsupported e) {
      return Set.of();
    }
    return names;
  }

  /**
   * The table's columns that PostgreSQL's own spelling of a check reads: names that are neither a
   * function (followed by a parenthesis) nor a type (after {@code ::}). PostgreSQL names an unnamed
   * check after its column when it reads exactly one.
   */
  static Set<String> columnsOf(String canonical, Set<String> columns) throws Unmodelled {
    Set<String> read = new LinkedHashSet<>();
    try {
      List<Token> tokens = SqlTokens.of(canonical).all();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        boolean function = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
        boolean type = i > 0 && tokens.get(i - 1).isSymbol("::");
        if (token.isName() && !function && !type && columns.contains(token.name())) {
          read.add(token.name());
        }
      }
    } catch (Unsupported e) {
      throw new Unmodelled("a check this side cannot read: " + canonical);
    }
    return read;
  }
}
