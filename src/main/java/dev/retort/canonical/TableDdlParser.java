package dev.retort.canonical;

import dev.retort.canonical.DraftTable.DraftCheck;
import dev.retort.canonical.DraftTable.DraftColumn;
import dev.retort.canonical.DraftTable.DraftForeignKey;
import dev.retort.canonical.DraftTable.DraftPrimaryKey;
import dev.retort.canonical.SqlTokens.Token;
import dev.retort.canonical.SqlTokens.Unsupported;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one table's group of Hibernate DDL statements (see {@link DdlStatements}) into a {@link
 * DraftTable}, for the forms Hibernate writes: a create table of plain columns (type, default,
 * identity, not null, inline check) with a primary key, named unique and check constraints; named
 * foreign keys and unique constraints added by alter table; indexes on plain columns; comments.
 * Anything else (a collation, a generated column, an expression index, an unnamed unique
 * constraint, identity options...) makes the whole table PostgreSQL's to spell: the parser answers
 * empty rather than guess.
 */
final class TableDdlParser {

  /** Words that end a column's type or default. */
  private static final List<String> COLUMN_CLAUSES =
      List.of(
          "default",
          "not",
          "null",
          "generated",
          "check",
          "unique",
          "primary",
          "references",
          "collate",
          "constraint");

  private TableDdlParser() {}

  static Optional<DraftTable> parse(String key, List<String> statements) {
    try {
      DraftTable.Builder table = null;
      for (String statement : statements) {
        SqlTokens tokens = SqlTokens.of(statement);
        if (table == null) {
          table = createTable(key, tokens);
          continue;
        }
        other(table, tokens);
        if (!tokens.atEnd()) {
          throw new Unsupported("more after the statement");
        }
      }
      return table == null ? Optional.empty() : Optional.of(table.build());
    } catch (Unsupported | RuntimeException e) {
      // A statement this parser does not read: PostgreSQL spells the table.
      return Optional.empty();
    }
  }

  private static DraftTable.Builder createTable(String key, SqlTokens tokens) throws Unsupported {
    tokens.expect("create", "table");
    String qualified = tokens.qualifiedName();
    if (!qualified.equals(key)) {
      throw new Unsupported("a table named otherwise");
    }
    int dot = qualified.indexOf('.');
    DraftTable.Builder table =
        new DraftTable.Builder(key, dot < 0 ? qualified : qualified.substring(dot + 1));
    tokens.expectSymbol("(");
    do {
      element(table, tokens);
    } while (tokens.acceptSymbol(","));
    tokens.expectSymbol(")");
    if (!tokens.atEnd()) {
      throw new Unsupported("table options");
    }
    return table;
  }

  private static void element(DraftTable.Builder table, SqlTokens tokens) throws Unsupported {
    if (tokens.accept("primary")) {
      tokens.expect("key");
      primaryKey(table, new DraftPrimaryKey(null, tokens.nameList()));
    } else if (tokens.accept("check")) {
      table.checks.add(new DraftCheck(null, tokens.parenthesized()));
    } else if (tokens.peek().is("constraint")) {
      tokens.next();
      String name = tokens.name();
      constraint(table, name, tokens);
    } else if (tokens.peek().is("unique")
        || tokens.peek().is("foreign")
        || tokens.peek().is("exclude")
        || tokens.peek().is("like")) {
      throw new Unsupported("an unnamed table constraint");
    } else {
      column(table, tokens);
    }
  }

  /** A named constraint, inside a create table or after {@code alter table ... add}. */
  private static void constraint(DraftTable.Builder table, String name, SqlTokens tokens)
      throws Unsupported {
    if (tokens.accept("primary")) {
      tokens.expect("key");
      primaryKey(table, new DraftPrimaryKey(name, tokens.nameList()));
    } else if (tokens.accept("unique")) {
      if (tokens.peek() != null && tokens.peek().is("nulls")) {
        throw new Unsupported("nulls not distinct");
      }
      table.uniques.add(new UniqueConstraint(name, tokens.nameList(), false));
    } else if (tokens.accept("check")) {
      table.checks.add(new DraftCheck(name, tokens.parenthesized()));
    } else if (tokens.accept("foreign")) {
      tokens.expect("key");
      List<String> columns = tokens.nameList();
      tokens.expect("references");
      String target = tokens.qualifiedName();
      List<String> targetColumns =
          tokens.peek() != null && tokens.peek().isSymbol("(") ? tokens.nameList() : List.of();
      ReferentialAction onDelete = ReferentialAction.NO_ACTION;
      ReferentialAction onUpdate = ReferentialAction.NO_ACTION;
      while (tokens.accept("on")) {
        if (tokens.accept("delete")) {
          onDelete = action(tokens);
        } else {
          tokens.expect("update");
          onUpdate = action(tokens);
        }
      }
      table.foreignKeys.add(
          new DraftForeignKey(name, columns, target, targetColumns, onDelete, onUpdate));
    } else {
      throw new Unsupported("a constraint of another kind");
    }
  }

  private static ReferentialAction action(SqlTokens tokens) throws Unsupported {
    if (tokens.accept("cascade")) {
      return ReferentialAction.CASCADE;
    }
    if (tokens.accept("restrict")) {
      return ReferentialAction.RESTRICT;
    }
    if (tokens.accept("set")) {
      if (tokens.accept("null")) {
        return ReferentialAction.SET_NULL;
      }
      tokens.expect("default");
      return ReferentialAction.SET_DEFAULT;
    }
    tokens.expect("no", "action");
    return ReferentialAction.NO_ACTION;
  }

  private static void primaryKey(DraftTable.Builder table, DraftPrimaryKey key) throws Unsupported {
    if (table.primaryKey != null) {
      throw new Unsupported("two primary keys");
    }
    table.primaryKey = key;
  }

  private static void column(DraftTable.Builder table, SqlTokens tokens) throws Unsupported {
    String name = tokens.name();
    if (table.columnIndex(name) >= 0) {
      throw new Unsupported("a repeated column");
    }
    String type = normalizedType(tokens.until(COLUMN_CLAUSES));
    String defaultExpression = null;
    Identity identity = null;
    boolean notNull = false;
    boolean nullSaid = false;
    while (!tokens.atEnd() && !tokens.peek().isSymbol(",") && !tokens.peek().isSymbol(")")) {
      if (tokens.accept("default")) {
        if (defaultExpression != null) {
          throw new Unsupported("two defaults");
        }
        defaultExpression = tokens.until(COLUMN_CLAUSES);
      } else if (tokens.accept("not")) {
        tokens.expect("null");
        notNull = true;
      } else if (tokens.accept("null")) {
        nullSaid = true;
      } else if (tokens.accept("generated")) {
        boolean always = tokens.accept("always");
        if (!always) {
          tokens.expect("by", "default");
        }
        tokens.expect("as", "identity");
        if (tokens.peek() != null && tokens.peek().isSymbol("(")) {
          throw new Unsupported("identity options");
        }
        identity = always ? Identity.generatedAlways() : Identity.generatedByDefault();
      } else if (tokens.accept("check")) {
        table.checks.add(new DraftCheck(null, tokens.parenthesized()));
      } else if (tokens.accept("primary")) {
        tokens.expect("key");
        primaryKey(table, new DraftPrimaryKey(null, List.of(name)));
      } else {
        throw new Unsupported("a column clause: " + tokens.peek().text());
      }
    }
    if (nullSaid && notNull || identity != null && defaultExpression != null) {
      throw new Unsupported("contradicting clauses");
    }
    table.columns.add(new DraftColumn(name, type, defaultExpression, identity, notNull, null));
  }

  /** Runs of spaces made one, so equal types written alike share one probe. */
  private static String normalizedType(String type) {
    return type.replaceAll("\\s+", " ");
  }

  /** A statement after the create table: an index, a comment or an added constraint. */
  private static void other(DraftTable.Builder table, SqlTokens tokens) throws Unsupported {
    Token first = tokens.next();
    if (first.is("create")) {
      index(table, tokens);
    } else if (first.is("comment")) {
      comment(table, tokens);
    } else if (first.is("alter")) {
      tokens.expect("table");
      tokens.accept("if");
      if (tokens.peek().is("exists")) {
        tokens.next();
      }
      if (!tokens.qualifiedName().equals(table.key)) {
        throw new Unsupported("another table");
      }
      tokens.expect("add", "constraint");
      String name = tokens.name();
      constraint(table, name, tokens);
    } else {
      throw new Unsupported("a statement of another kind");
    }
  }

  private static void index(DraftTable.Builder table, SqlTokens tokens) throws Unsupported {
    boolean unique = tokens.accept("unique");
    tokens.expect("index");
    String name = tokens.name();
    tokens.expect("on");
    if (!tokens.qualifiedName().equals(table.key)) {
      throw new Unsupported("another table");
    }
    if (tokens.accept("using") && !tokens.accept("btree")) {
      throw new Unsupported("an index method");
    }
    tokens.expectSymbol("(");
    List<IndexKey> keys = new ArrayList<>();
    do {
      Token column = tokens.next();
      if (!column.isName()) {
        throw new Unsupported("an index expression");
      }
      IndexKey key = IndexKey.column(column.name());
      if (tokens.accept("desc")) {
        key = key.desc();
      } else {
        tokens.accept("asc");
      }
      if (tokens.accept("nulls")) {
        boolean first = tokens.accept("first");
        if (!first) {
          tokens.expect("last");
        }
        key = key.nullsFirst(first);
      }
      keys.add(key);
    } while (tokens.acceptSymbol(","));
    tokens.expectSymbol(")");
    Index index = Index.on(name, keys);
    table.indexes.add(unique ? index.asUnique() : index);
  }

  private static void comment(DraftTable.Builder table, SqlTokens tokens) throws Unsupported {
    tokens.expect("on");
    boolean onColumn = tokens.accept("column");
    if (!onColumn) {
      tokens.expect("table");
    }
    List<String> names = new ArrayList<>(List.of(tokens.name()));
    while (tokens.acceptSymbol(".")) {
      names.add(tokens.name());
    }
    String column = onColumn ? names.remove(names.size() - 1) : null;
    String target = String.join(".", names);
    if (onColumn) {
      if (!target.equals(table.key)) {
        throw new Unsupported("another table");
      }
      tokens.expect("is");
      String text = commentText(tokens);
      int index = table.columnIndex(column);
      if (index < 0) {
        throw new Unsupported("an unknown column");
      }
      table.columns.set(index, table.columns.get(index).withComment(text));
    } else {
      if (!target.equals(table.key)) {
        throw new Unsupported("another table");
      }
      tokens.expect("is");
      table.comment = commentText(tokens);
    }
  }

  /** PostgreSQL drops an empty comment, as it does {@code IS NULL}. */
  private static String commentText(SqlTokens tokens) throws Unsupported {
    if (tokens.accept("null")) {
      return null;
    }
    Token text = tokens.next();
    if (text.kind() != SqlTokens.Kind.STRING) {
      throw new Unsupported("a comment that is not a plain string");
    }
    return text.text().isEmpty() ? null : text.text();
  }
}
