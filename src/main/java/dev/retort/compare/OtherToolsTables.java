package dev.retort.compare;

import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tables and sequences that belong to another tool living in the same database: Liquibase's and
 * Flyway's histories, the lock and job tables of Spring Integration, Spring Batch, Quartz,
 * ShedLock, Spring Session, JGroups. No entity maps them, so a plain comparison would propose
 * dropping them, and deleting Liquibase's history in the migration that adopts Retort is never what
 * was meant. They are left out of the comparison and listed once; an entity that maps one, or an
 * {@code include} pattern naming it, makes it compared again.
 */
public final class OtherToolsTables {

  /** What was left out: each tool with the objects of it, sorted. */
  public record Left(Schema live, Map<String, List<String>> byTool) {

    /** One line for the user, or null when nothing was left out. */
    public String describe() {
      if (byTool.isEmpty()) {
        return null;
      }
      return "not compared: "
          + byTool.entrySet().stream()
              .map(
                  e ->
                      String.join(", ", e.getValue())
                          + (e.getValue().size() == 1 ? " (belongs to " : " (belong to ")
                          + e.getKey()
                          + ")")
              .collect(Collectors.joining("; "))
          + " (set include to compare them)";
    }
  }

  private record Tool(String name, Predicate<String> tableName, List<Set<String>> shapes) {}

  private static final List<Tool> TOOLS =
      List.of(
          new Tool(
              "Liquibase",
              Set.of("databasechangelog", "databasechangeloglock")::contains,
              List.of(
                  Set.of(
                      "id",
                      "author",
                      "filename",
                      "dateexecuted",
                      "orderexecuted",
                      "exectype",
                      "md5sum"),
                  Set.of("id", "locked", "lockgranted", "lockedby"))),
          new Tool(
              "Flyway",
              Set.of("flyway_schema_history", "schema_version")::contains,
              List.of(
                  Set.of(
                      "installed_rank",
                      "version",
                      "description",
                      "type",
                      "script",
                      "checksum",
                      "installed_by",
                      "installed_on",
                      "execution_time",
                      "success"))),
          new Tool("Alembic", "alembic_version"::equals, List.of()),
          new Tool(
              "Spring Batch",
              name -> name.startsWith("batch_job_") || name.startsWith("batch_step_"),
              List.of()),
          new Tool(
              "Spring Integration",
              Set.of(
                      "int_lock",
                      "int_message",
                      "int_message_group",
                      "int_group_to_message",
                      "int_channel_message",
                      "int_metadata_store")
                  ::contains,
              List.of()),
          new Tool(
              "Spring Session",
              Set.of("spring_session", "spring_session_attributes")::contains,
              List.of()),
          new Tool("Quartz", name -> name.startsWith("qrtz_"), List.of()),
          new Tool("ShedLock", "shedlock"::equals, List.of()),
          new Tool("JGroups", "jgroupsping"::equals, List.of()));

  private OtherToolsTables() {}

  /**
   * The live schema without what belongs to other tools, unless the model maps it or {@code
   * compared} says the user asked for it.
   *
   * @param compared whether the user named a table to be compared (an {@code include} pattern)
   */
  public static Left leaveOut(Schema live, Schema model, Predicate<QualifiedName> compared) {
    Map<String, TreeSet<String>> byTool = new TreeMap<>();
    List<Table> tables = new ArrayList<>();
    for (Table table : live.tables()) {
      String tool =
          model.table(table.name()).isPresent() || compared.test(table.name())
              ? null
              : owner(table);
      if (tool == null) {
        tables.add(table);
      } else {
        byTool.computeIfAbsent(tool, t -> new TreeSet<>()).add(table.name().toString());
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (Sequence sequence : live.sequences()) {
      boolean mapped =
          model.sequences().stream().anyMatch(s -> s.name().equals(sequence.name()))
              || compared.test(sequence.name());
      String tool = mapped ? null : owner(sequence.name().name(), Set.of());
      if (tool == null) {
        sequences.add(sequence);
      } else {
        byTool.computeIfAbsent(tool, t -> new TreeSet<>()).add(sequence.name().toString());
      }
    }
    Map<String, List<String>> left = new LinkedHashMap<>();
    byTool.forEach((tool, names) -> left.put(tool, List.copyOf(names)));
    return new Left(new Schema(tables, sequences, live.enumTypes(), live.views()), left);
  }

  private static String owner(Table table) {
    Set<String> columns =
        table.columns().stream()
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return owner(table.name().name(), columns);
  }

  /** The tool a table (by its name, or by its columns under another name) belongs to, or null. */
  private static String owner(String name, Set<String> columns) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Tool tool : TOOLS) {
      if (tool.tableName().test(lower)
          || !columns.isEmpty() && tool.shapes().stream().anyMatch(columns::containsAll)) {
        return tool.name();
      }
    }
    return null;
  }
}
