package dev.retort.compare;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.CreateTable;
import dev.retort.operation.Operation;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check constraints in the model's own words. Comparing needs PostgreSQL's spelling of an
 * expression (both sides deparsed alike); a migration should say what the mapping says: Hibernate's
 * {@code status in ('NEW','PAID')}, not the deparsed {@code status::text = ANY (ARRAY[...])}, so
 * the catalog it builds is the one the application's own DDL builds, and a reviewer reads the
 * mapping. This reads each check's text from Hibernate's DDL, finds the name PostgreSQL gives it,
 * and writes the planned checks with that text. A check it cannot place keeps PostgreSQL's
 * spelling, which means the same.
 */
public final class ModelSpellings {

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "(?is)^create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s*\\(");
  private static final Pattern ALTER_ADD_CHECK =
      Pattern.compile(
          "(?is)^alter\\s+table\\s+(?:if\\s+exists\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s+add\\s+constraint\\s+(\"[^\"]+\"|[\\w$]+)\\s+check\\s*\\(");

  /** PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1). */
  private static final int MAX_NAME = 63;

  private final Map<QualifiedName, Map<String, String>> checks;

  private ModelSpellings(Map<QualifiedName, Map<String, String>> checks) {
    this.checks = checks;
  }

  /** The check texts of Hibernate's DDL, by table and by the name PostgreSQL gives each. */
  public static ModelSpellings of(EntityDdl ddl) {
    Map<QualifiedName, Map<String, String>> checks = new HashMap<>();
    for (String statement : ddl.statements()) {
      String sql = statement.strip();
      Matcher create = CREATE_TABLE.matcher(sql);
      if (create.find()) {
        QualifiedName table = tableName(create.group(1), ddl.schemas());
        String body = enclosed(sql, create.end() - 1);
        if (body != null) {
          readTableBody(table, body, checks.computeIfAbsent(table, t -> new HashMap<>()));
        }
        continue;
      }
      Matcher alter = ALTER_ADD_CHECK.matcher(sql);
      if (alter.find()) {
        String expression = enclosed(sql, alter.end() - 1);
        if (expression != null) {
          checks
              .computeIfAbsent(tableName(alter.group(1), ddl.schemas()), t -> new HashMap<>())
              .put(identifier(alter.group(2)), expression.strip());
        }
      }
    }
    return new ModelSpellings(checks);
  }

  /** The plan with each check it adds or creates written as the model states it. */
  public MigrationPlan apply(MigrationPlan plan) {
    List<PlannedChange> changes = new ArrayList<>();
    for (PlannedChange change : plan.changes()) {
      changes.add(new PlannedChange(respell(change.operation()), change.summary(), change.flags()));
    }
    return new MigrationPlan(changes, plan.notes(), plan.transactional(), plan.ordinalOrders());
  }

  private Operation respell(Operation operation) {
    if (operation instanceof AddConstraint add && add.constraint() instanceof CheckConstraint c) {
      return new AddConstraint(add.table(), respell(add.table(), c), add.notValid());
    }
    if (operation instanceof CreateTable create) {
      Table table = create.table();
      List<CheckConstraint> respelled =
          table.checkConstraints().stream().map(c -> respell(table.name(), c)).toList();
      return new CreateTable(
          new Table(
              table.name(),
              table.columns(),
              table.primaryKey(),
              table.foreignKeys(),
              table.uniqueConstraints(),
              respelled,
              table.indexes(),
              table.comment(),
              table.partitionKey()));
    }
    return operation;
  }

  private CheckConstraint respell(QualifiedName table, CheckConstraint check) {
    String text = checks.getOrDefault(table, Map.of()).get(check.name());
    return text == null ? check : new CheckConstraint(check.name(), text);
  }

  /**
   * Column definitions with a check ({@code status varchar(255) check (...)}) and named table
   * checks ({@code constraint x check (...)}); unnamed table checks are left to PostgreSQL's
   * spelling, their names depending on what they reference.
   */
  private static void readTableBody(QualifiedName table, String body, Map<String, String> checks) {
    for (String element : topLevel(body)) {
      String item = element.strip();
      String lower = item.toLowerCase(Locale.ROOT);
      if (lower.startsWith("constraint ")) {
        Matcher named =
            Pattern.compile("(?is)^constraint\\s+(\"[^\"]+\"|[\\w$]+)\\s+check\\s*\\(")
                .matcher(item);
        if (named.find()) {
          String expression = enclosed(item, named.end() - 1);
          if (expression != null) {
            checks.put(identifier(named.group(1)), expression.strip());
          }
        }
        continue;
      }
      if (lower.startsWith("check")
          || lower.startsWith("primary key")
          || lower.startsWith("unique")
          || lower.startsWith("foreign key")) {
        continue;
      }
      Matcher column = Pattern.compile("^(\"[^\"]+\"|[\\w$]+)").matcher(item);
      int check = topLevelKeyword(item, "check");
      if (column.find() && check >= 0) {
        int open = item.indexOf('(', check);
        String expression = open < 0 ? null : enclosed(item, open);
        if (expression != null) {
          checks.put(
              constraintName(table.name(), identifier(column.group(1)), "check"),
              expression.strip());
        }
      }
    }
  }

  /**
   * The name PostgreSQL chooses for an unnamed constraint ({@code makeObjectName}): {@code
   * table_column_label}, the longer of table and column shortened until it fits 63 bytes.
   */
  static String constraintName(String table, String column, String label) {
    int available = MAX_NAME - label.length() - 2;
    String first = table;
    String second = column;
    while (bytes(first) + bytes(second) > available) {
      if (bytes(first) > bytes(second)) {
        first = first.substring(0, first.length() - 1);
      } else {
        second = second.substring(0, second.length() - 1);
      }
    }
    return first + "_" + second + "_" + label;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** What a scan sees of a character outside quotes; true stops the scan there. */
  private interface Visitor {
    /**
     * @param depth the parentheses open around the character (a closing one already counted out)
     */
    boolean visit(int index, char ch, int depth);
  }

  /**
   * Walks {@code text} from {@code start}, past quoted strings and identifiers, keeping count of
   * parentheses: the one way this class reads SQL text.
   *
   * @return where the visitor stopped, or -1
   */
  private static int scan(String text, int start, Visitor visitor) {
    int depth = 0;
    boolean inString = false;
    boolean inIdentifier = false;
    for (int i = start; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        inString = ch != '\'';
      } else if (inIdentifier) {
        inIdentifier = ch != '"';
      } else if (ch == '\'') {
        inString = true;
      } else if (ch == '"') {
        inIdentifier = true;
      } else {
        if (ch == ')') {
          depth--;
        }
        if (visitor.visit(i, ch, depth)) {
          return i;
        }
        if (ch == '(') {
          depth++;
        }
      }
    }
    return -1;
  }

  /** Where a keyword stands outside parentheses and quotes, as a whole word; -1 if it does not. */
  private static int topLevelKeyword(String text, String keyword) {
    return scan(
        text,
        0,
        (i, ch, depth) ->
            depth == 0
                && text.regionMatches(true, i, keyword, 0, keyword.length())
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                && (i + keyword.length() == text.length()
                    || !Character.isLetterOrDigit(text.charAt(i + keyword.length()))));
  }

  /** The elements of a list separated by commas outside parentheses and quotes. */
  private static List<String> topLevel(String body) {
    List<String> parts = new ArrayList<>();
    int[] start = {0};
    scan(
        body,
        0,
        (i, ch, depth) -> {
          if (ch == ',' && depth == 0) {
            parts.add(body.substring(start[0], i));
            start[0] = i + 1;
          }
          return false;
        });
    parts.add(body.substring(start[0]));
    return parts;
  }

  /** The text inside the parentheses that open at {@code open}, or null when they do not close. */
  private static String enclosed(String text, int open) {
    int close = scan(text, open, (i, ch, depth) -> ch == ')' && depth == 0);
    return close < 0 ? null : text.substring(open + 1, close);
  }

  /** A name as PostgreSQL stores it: quoted as written, unquoted in lower case. */
  private static String identifier(String written) {
    if (written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase(Locale.ROOT);
  }

  /** A table name of the DDL in the model: placeholder schemas as the schemas they stand for. */
  private static QualifiedName tableName(String written, List<String> schemas) {
    int dot = written.startsWith("\"") ? written.indexOf('"', 1) + 1 : written.indexOf('.');
    if (dot <= 0 || dot >= written.length() || written.charAt(dot) != '.') {
      return new QualifiedName(null, identifier(written));
    }
    String schema = identifier(written.substring(0, dot));
    String name = identifier(written.substring(dot + 1));
    int index = EntityDdl.placeholderIndex(schema);
    if (index == 0) {
      return new QualifiedName(null, name);
    }
    return new QualifiedName(index > 0 ? schemas.get(index) : schema, name);
  }
}
