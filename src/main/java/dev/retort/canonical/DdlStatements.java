package dev.retort.canonical;

import dev.retort.schema.EntityDdl;
import dev.retort.schema.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's create-DDL grouped by the table each statement belongs to (its create table,
 * comments, indexes and foreign keys), with everything else (types, sequences) shared. A table's
 * canonical form depends only on its own group, which is what lets an unchanged table skip
 * PostgreSQL on the next run.
 */
public record DdlStatements(List<String> shared, Map<String, List<String>> byTable) {

  private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
  private static final String QUALIFIED = "(" + NAME + "(?:\\." + NAME + ")?)";
  private static final List<Pattern> TABLE_STATEMENTS =
      List.of(
          Pattern.compile("(?is)^create table " + QUALIFIED + "\\s*\\(.*"),
          Pattern.compile("(?is)^comment on table " + QUALIFIED + " is .*"),
          Pattern.compile("(?is)^comment on column " + QUALIFIED + "\\." + NAME + " is .*"),
          Pattern.compile(
              "(?is)^create (?:unique )?index "
                  + NAME
                  + " on "
                  + QUALIFIED
                  + "\\s*(?:using \\w+\\s*)?\\(.*"),
          Pattern.compile("(?is)^alter table (?:if exists )?" + QUALIFIED + " .*"));
  private static final Pattern REFERENCES = Pattern.compile("(?i) references " + QUALIFIED);

  public static DdlStatements of(List<String> ddl) {
    List<String> shared = new ArrayList<>();
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (String statement : ddl) {
      String table = tableOf(statement.strip());
      if (table == null) {
        shared.add(statement);
      } else {
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(statement);
      }
    }
    return new DdlStatements(List.copyOf(shared), byTable);
  }

  /** The table a statement belongs to, as written (folded like PostgreSQL folds it), or null. */
  public static String tableOf(String statement) {
    for (Pattern pattern : TABLE_STATEMENTS) {
      Matcher matcher = pattern.matcher(statement);
      if (matcher.matches()) {
        return folded(matcher.group(1));
      }
    }
    return null;
  }

  /** The tables a group's foreign keys reference. */
  public Set<String> referencedBy(String table) {
    Set<String> targets = new LinkedHashSet<>();
    for (String statement : byTable.getOrDefault(table, List.of())) {
      Matcher matcher = REFERENCES.matcher(statement);
      while (matcher.find()) {
        String target = folded(matcher.group(1));
        if (!target.equals(table)) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /**
   * The statements that recreate some tables: the shared ones, the groups of {@code tables}, and
   * just the create table of every other table they reference (a foreign key needs its target).
   */
  public List<String> subset(Set<String> tables) {
    List<String> statements = new ArrayList<>(shared);
    Set<String> stubs = new LinkedHashSet<>();
    for (String table : tables) {
      for (String target : referencedBy(table)) {
        if (!tables.contains(target) && byTable.containsKey(target)) {
          stubs.add(target);
        }
      }
    }
    for (String stub : stubs) {
      statements.add(byTable.get(stub).get(0));
    }
    for (Map.Entry<String, List<String>> group : byTable.entrySet()) {
      if (tables.contains(group.getKey())) {
        statements.addAll(
            group.getValue().stream()
                .filter(s -> s.regionMatches(true, 0, "create table", 0, 12))
                .toList());
      }
    }
    for (Map.Entry<String, List<String>> group : byTable.entrySet()) {
      if (tables.contains(group.getKey())) {
        statements.addAll(
            group.getValue().stream()
                .filter(s -> !s.regionMatches(true, 0, "create table", 0, 12))
                .toList());
      }
    }
    return statements;
  }

  /** The model name of a table group: a placeholder schema stands for a configured one. */
  public static QualifiedName modelName(String table, List<String> schemas) {
    int dot = table.indexOf('.');
    if (dot < 0) {
      return QualifiedName.of(table);
    }
    int index = EntityDdl.placeholderIndex(table.substring(0, dot));
    String schema = index < 0 ? table.substring(0, dot) : index == 0 ? null : schemas.get(index);
    return new QualifiedName(schema, table.substring(dot + 1));
  }

  private static String folded(String name) {
    StringBuilder out = new StringBuilder();
    Matcher part = Pattern.compile(NAME).matcher(name);
    while (part.find()) {
      String text = part.group();
      out.append(out.length() == 0 ? "" : ".");
      out.append(
          text.startsWith("\"")
              ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
              : text.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
