package dev.retort.schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity model as Hibernate writes it: its create-DDL, where each table and column comes from,
 * and the schemas it uses. Every explicit schema is written as a placeholder, {@code
 * retort_model_0} for {@code schemas.get(0)} and so on, so the statements are the same on every run
 * (a cache key) and whoever runs them decides where they land: scratch schemas to canonicalize, the
 * real schemas to build the database the application would.
 *
 * @param schemas the real schemas, in placeholder order: the configured ones (the default first),
 *     then any other schema an entity names
 * @param readBy which Hibernate wrote it ({@code Hibernate ORM 6.6.55.Final (the application's)}),
 *     or null when not known
 * @param notice what the user should know about how it was read (the bundled Hibernate standing in
 *     for an application that has none), or null
 */
public record EntityDdl(
    List<String> statements,
    EntityProvenance provenance,
    List<String> schemas,
    String readBy,
    String notice) {

  /** What every placeholder schema name starts with. */
  public static final String PLACEHOLDER_PREFIX = "retort_model_";

  private static final Pattern PLACEHOLDER = Pattern.compile(PLACEHOLDER_PREFIX + "(\\d+)");
  private static final Pattern WRITTEN = Pattern.compile("\"?" + PLACEHOLDER_PREFIX + "(\\d+)\"?");

  public EntityDdl {
    statements = List.copyOf(statements);
    Objects.requireNonNull(provenance, "provenance");
    schemas = List.copyOf(schemas);
  }

  public EntityDdl(List<String> statements, EntityProvenance provenance, List<String> schemas) {
    this(statements, provenance, schemas, null, null);
  }

  /** The same DDL, saying which Hibernate read it. */
  public EntityDdl readBy(String hibernate, String readingNotice) {
    return new EntityDdl(statements, provenance, schemas, hibernate, readingNotice);
  }

  public static String placeholder(int index) {
    return PLACEHOLDER_PREFIX + index;
  }

  /** The index of a placeholder schema name, or -1 for any other name. */
  public static int placeholderIndex(String schema) {
    Matcher matcher = PLACEHOLDER.matcher(schema);
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  /**
   * The statements with placeholder {@code i} replaced by {@code names.get(i)}, always quoted
   * (PostgreSQL then takes the name exactly as given).
   */
  public List<String> statementsIn(List<String> names) {
    return statements.stream()
        .map(
            sql ->
                WRITTEN
                    .matcher(sql)
                    .replaceAll(
                        m ->
                            Matcher.quoteReplacement(
                                "\""
                                    + names.get(Integer.parseInt(m.group(1))).replace("\"", "\"\"")
                                    + "\"")))
        .toList();
  }
}
