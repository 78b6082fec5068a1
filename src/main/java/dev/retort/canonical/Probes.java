package dev.retort.canonical;

import dev.retort.postgres.Identifiers;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only PostgreSQL can spell, batched into a few scratch tables instead of one table per
 * entity: each distinct type this side cannot spell becomes a column, each distinct default (with
 * its column's type) a column with that default, and each check constraint a named constraint over
 * just the columns it reads, packed with other checks whose columns agree on types. Read back with
 * the same catalog reader as everything else, so the spellings are PostgreSQL's.
 */
final class Probes {

  static final String TABLE_PREFIX = "retort_probe_";

  /** Far below PostgreSQL's 1600 columns a table, so a probe never meets that limit. */
  private static final int COLUMNS_PER_TABLE = 400;

  private record DefaultKey(String type, String expression) {}

  /** One scratch table of checks: its columns by name (with the type as written) and checks. */
  private static final class CheckTable {
    final Map<String, String> columns = new LinkedHashMap<>();
    final Map<String, String> checks = new LinkedHashMap<>();

    boolean fits(Map<String, String> wanted) {
      if (columns.size() + wanted.size() > COLUMNS_PER_TABLE) {
        return false;
      }
      return wanted.entrySet().stream()
          .allMatch(
              c ->
                  !columns.containsKey(c.getKey()) || columns.get(c.getKey()).equals(c.getValue()));
    }
  }

  private final Map<String, String> typeColumns = new LinkedHashMap<>();
  private final Map<DefaultKey, String> defaultColumns = new LinkedHashMap<>();
  private final List<CheckTable> checkTables = new ArrayList<>();
  private int checkCount;

  /** Asks PostgreSQL how it spells {@code type} (as written). */
  void type(String type) {
    typeColumns.computeIfAbsent(type, t -> "t_" + typeColumns.size());
  }

  /** Asks PostgreSQL how it spells {@code expression} as the default of a {@code type} column. */
  void defaultValue(String type, String expression) {
    defaultColumns.computeIfAbsent(
        new DefaultKey(type, expression), k -> "d_" + defaultColumns.size());
  }

  /**
   * Asks PostgreSQL how it spells a check over {@code columns} (name to type as written); the
   * answer is found again by the returned key.
   */
  String check(Map<String, String> columns, String expression) {
    String name = "c_" + checkCount++;
    CheckTable table = checkTables.stream().filter(t -> t.fits(columns)).findFirst().orElse(null);
    if (table == null) {
      table = new CheckTable();
      checkTables.add(table);
    }
    table.columns.putAll(columns);
    table.checks.put(name, expression);
    return name;
  }

  boolean isEmpty() {
    return typeColumns.isEmpty() && defaultColumns.isEmpty() && checkTables.isEmpty();
  }

  /** The create table statements of the probes. */
  List<String> statements() {
    List<String> statements = new ArrayList<>();
    List<String> definitions = new ArrayList<>();
    typeColumns.forEach((type, column) -> definitions.add(column + " " + type));
    defaultColumns.forEach(
        (key, column) ->
            definitions.add(column + " " + key.type() + " DEFAULT " + key.expression()));
    for (int from = 0; from < definitions.size(); from += COLUMNS_PER_TABLE) {
      List<String> part =
          definitions.subList(from, Math.min(definitions.size(), from + COLUMNS_PER_TABLE));
      statements.add(
          "create table "
              + TABLE_PREFIX
              + statements.size()
              + " ("
              + String.join(", ", part)
              + ")");
    }
    for (CheckTable table : checkTables) {
      List<String> elements = new ArrayList<>();
      table.columns.forEach((name, type) -> elements.add(Identifiers.quote(name) + " " + type));
      table.checks.forEach(
          (name, expression) -> elements.add("constraint " + name + " check (" + expression + ")"));
      statements.add(
          "create table "
              + TABLE_PREFIX
              + statements.size()
              + " ("
              + String.join(", ", elements)
              + ")");
    }
    return statements;
  }

  /** PostgreSQL's answers, from the schema the probes were read into. */
  Answers answers(Schema read) {
    Map<String, Column> columns = new HashMap<>();
    Map<String, String> checks = new HashMap<>();
    for (int i = 0; ; i++) {
      Table table = read.table(QualifiedName.of(TABLE_PREFIX + i)).orElse(null);
      if (table == null) {
        break;
      }
      table.columns().forEach(c -> columns.put(c.name(), c));
      for (CheckConstraint check : table.checkConstraints()) {
        checks.put(check.name(), check.expression());
      }
    }
    return new Answers(typeColumns, defaultColumns, columns, checks);
  }

  /** Lookups into what PostgreSQL answered. */
  static final class Answers {
    private final Map<String, String> typeColumns;
    private final Map<DefaultKey, String> defaultColumns;
    private final Map<String, Column> columns;
    private final Map<String, String> checks;

    private Answers(
        Map<String, String> typeColumns,
        Map<DefaultKey, String> defaultColumns,
        Map<String, Column> columns,
        Map<String, String> checks) {
      this.typeColumns = typeColumns;
      this.defaultColumns = defaultColumns;
      this.columns = columns;
      this.checks = checks;
    }

    SqlType type(String type) {
      return answered(typeColumns.get(type)).type();
    }

    String defaultValue(String type, String expression) {
      return answered(defaultColumns.get(new DefaultKey(type, expression))).defaultValue();
    }

    String check(String key) {
      String expression = checks.get(key);
      if (expression == null) {
        throw new IllegalStateException("no probe answered check " + key);
      }
      return expression;
    }

    private Column answered(String column) {
      Column answer = column == null ? null : columns.get(column);
      if (answer == null) {
        throw new IllegalStateException("no probe answered column " + column);
      }
      return answer;
    }
  }
}
