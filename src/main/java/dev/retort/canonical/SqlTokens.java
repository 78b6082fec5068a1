package dev.retort.canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one DDL statement as Hibernate writes it, with a cursor. Only what the spelling
 * parser needs: words (unquoted names and keywords), quoted names, string literals, numbers and
 * single symbols ({@code ::} is one). Each token keeps its place, so a clause can be cut out of the
 * statement exactly as written.
 */
final class SqlTokens {

  enum Kind {
    WORD,
    QUOTED,
    STRING,
    NUMBER,
    SYMBOL
  }

  record Token(Kind kind, String text, int start, int end) {

    /** A word equal to {@code keyword}, ignoring case. */
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** A name as PostgreSQL folds it: unquoted to lower case, quoted as written. */
    String name() {
      return kind == Kind.QUOTED ? text : text.toLowerCase(Locale.ROOT);
    }
  }

  /** Thrown for anything the lexer does not know; the caller leaves the table to PostgreSQL. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private final String sql;
  private final List<Token> tokens;
  private int position;

  private SqlTokens(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  static SqlTokens of(String sql) throws Unsupported {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = sql.length();
    while (i < length) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-'
          || c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
        throw new Unsupported("a comment");
      } else if (c == '\'') {
        int end = i + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
          if (end >= length) {
            throw new Unsupported("an unterminated string");
          }
          char d = sql.charAt(end);
          if (d == '\'') {
            if (end + 1 < length && sql.charAt(end + 1) == '\'') {
              value.append('\'');
              end += 2;
              continue;
            }
            break;
          }
          value.append(d);
          end++;
        }
        tokens.add(new Token(Kind.STRING, value.toString(), i, end + 1));
        i = end + 1;
      } else if (c == '"') {
        int end = i + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
          if (end >= length) {
            throw new Unsupported("an unterminated name");
          }
          char d = sql.charAt(end);
          if (d == '"') {
            if (end + 1 < length && sql.charAt(end + 1) == '"') {
              value.append('"');
              end += 2;
              continue;
            }
            break;
          }
          value.append(d);
          end++;
        }
        tokens.add(new Token(Kind.QUOTED, value.toString(), i, end + 1));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < length
            && (Character.isLetterOrDigit(sql.charAt(end))
                || sql.charAt(end) == '_'
                || sql.charAt(end) == '$')) {
          end++;
        }
        if (end < length && sql.charAt(end) == '\'') {
          // E'...', U&'...', B'...': string forms whose escapes this lexer does not read.
          throw new Unsupported("a prefixed string");
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end), i, end));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < length && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
        i = end;
      } else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
        tokens.add(new Token(Kind.SYMBOL, "::", i, i + 2));
        i += 2;
      } else if (c == '$') {
        throw new Unsupported("a dollar-quoted string");
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return new SqlTokens(sql, tokens);
  }

  boolean atEnd() {
    return position >= tokens.size();
  }

  Token peek() {
    return atEnd() ? null : tokens.get(position);
  }

  Token peek(int ahead) {
    int index = position + ahead;
    return index < tokens.size() ? tokens.get(index) : null;
  }

  Token next() throws Unsupported {
    if (atEnd()) {
      throw new Unsupported("an early end");
    }
    return tokens.get(position++);
  }

  /** Consumes the keyword if it comes next. */
  boolean accept(String keyword) {
    Token token = peek();
    if (token != null && token.is(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String symbol) {
    Token token = peek();
    if (token != null && token.isSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  void expect(String... keywords) throws Unsupported {
    for (String keyword : keywords) {
      if (!accept(keyword)) {
        throw new Unsupported("no " + keyword);
      }
    }
  }

  void expectSymbol(String symbol) throws Unsupported {
    if (!acceptSymbol(symbol)) {
      throw new Unsupported("no " + symbol);
    }
  }

  /** A plain or quoted name, folded. */
  String name() throws Unsupported {
    Token token = next();
    if (!token.isName()) {
      throw new Unsupported("no name");
    }
    return token.name();
  }

  /** A name, possibly schema-qualified, as {@code schema.name} (folded). */
  String qualifiedName() throws Unsupported {
    String first = name();
    if (acceptSymbol(".")) {
      return first + "." + name();
    }
    return first;
  }

  /** {@code (a, b, ...)}: plain column names. */
  List<String> nameList() throws Unsupported {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(name());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  /**
   * The text of a parenthesized group, without its parentheses, exactly as written; the cursor ends
   * after the closing one.
   */
  String parenthesized() throws Unsupported {
    Token open = next();
    if (!open.isSymbol("(")) {
      throw new Unsupported("no (");
    }
    int depth = 1;
    while (true) {
      Token token = next();
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")") && --depth == 0) {
        return sql.substring(open.end(), token.start()).strip();
      }
    }
  }

  /**
   * The text from here up to (not including) the first token at depth zero that is a comma, a
   * closing parenthesis of the enclosing group, or one of {@code stops}; at least one token.
   */
  String until(List<String> stops) throws Unsupported {
    Token first = next();
    int end = first.end();
    int depth = first.isSymbol("(") ? 1 : 0;
    while (!atEnd()) {
      Token token = peek();
      if (depth == 0
          && (token.isSymbol(",") || token.isSymbol(")") || stops.stream().anyMatch(token::is))) {
        break;
      }
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      }
      end = token.end();
      position++;
    }
    return sql.substring(first.start(), end).strip();
  }

  /** Every token, for scans that do not parse. */
  List<Token> all() {
    return tokens;
  }
}
