package dev.retort.canonical;

import dev.retort.canonical.DraftTable.DraftCheck;
import dev.retort.canonical.DraftTable.DraftColumn;
import dev.retort.canonical.DraftTable.DraftForeignKey;
import dev.retort.canonical.PostgresNames.Unmodelled;
import dev.retort.catalog.CatalogScope;
import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SqlType;
import dev.retort.schema.Table;
import dev.retort.schema.UniqueConstraint;
import dev.retort.timing.PhaseTimer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Canonicalizes the entity DDL without creating every table in PostgreSQL: what Hibernate writes in
 * a known form (types of {@link TypeSpellings}, nullability, keys, foreign keys, plain indexes,
 * comments, the names PostgreSQL gives unnamed keys and checks) is spelled here, and only what
 * needs PostgreSQL's own printing (defaults, checks, types this side does not know) goes to it,
 * batched into a few {@link Probes} tables, in the same scratch transaction as the tables this side
 * cannot read ({@link TableDdlParser} answers empty for them) and the shared statements (enum
 * types, sequences). {@link ScratchCanonicalizer} stays the reference: a test runs the scenario
 * corpus both ways and requires identical models, and anything this class cannot vouch for (a name
 * PostgreSQL would number, a probe PostgreSQL refuses) falls back to it for the whole model.
 */
public final class SpellingCanonicalizer implements Canonicalizer {

  private static final Logger LOG = Logger.getLogger(SpellingCanonicalizer.class.getName());

  /**
   * What the last run did: how many tables were spelled here and how many PostgreSQL created, and
   * whether the whole model went the reference way instead (with why).
   */
  record Outcome(int spelled, int toPostgres, boolean fellBack, String reason) {}

  private final ScratchCanonicalizer scratch;
  private final CatalogScope scope;
  private final PhaseTimer timer;
  private volatile Outcome lastOutcome;

  public SpellingCanonicalizer(ScratchCanonicalizer scratch, CatalogScope scope, PhaseTimer timer) {
    this.scratch = scratch;
    this.scope = scope;
    this.timer = timer;
  }

  @Override
  public Schema canonicalize(EntityDdl ddl) {
    DdlStatements statements = DdlStatements.of(ddl.statements());
    Map<String, DraftTable> drafts = new LinkedHashMap<>();
    Set<String> toPostgres = new LinkedHashSet<>();
    timer.run(
        "canonicalize/parse",
        () ->
            statements
                .byTable()
                .forEach(
                    (key, group) ->
                        TableDdlParser.parse(key, group)
                            .filter(SpellingCanonicalizer::plainNames)
                            .ifPresentOrElse(d -> drafts.put(key, d), () -> toPostgres.add(key))));
    if (drafts.isEmpty()) {
      return fallBack(ddl, "no table in a form spelled here");
    }
    Probes probes = new Probes();
    Map<DraftCheck, String> checkKeys = new HashMap<>();
    timer.run(
        "canonicalize/probes",
        () -> {
          for (DraftTable draft : drafts.values()) {
            ask(draft, probes, checkKeys);
          }
        });
    List<String> run = new ArrayList<>(statements.subset(toPostgres));
    run.addAll(probes.statements());
    Schema read;
    try {
      read =
          scratch.canonicalize(
              new EntityDdl(run, ddl.provenance(), ddl.schemas()), scope.unfiltered());
    } catch (RuntimeException e) {
      // A probe PostgreSQL refused (or the DDL itself fails): the reference path decides, and
      // reports a failing statement as it always has.
      LOG.log(Level.FINE, "spelling fell back to the scratch schema", e);
      return fallBack(ddl, "PostgreSQL refused a probe: " + e.getMessage());
    }
    try {
      Schema schema =
          timer.timeChecked(
              "canonicalize/spell",
              () -> assemble(ddl, statements, drafts, read, probes.answers(read), checkKeys));
      lastOutcome = new Outcome(drafts.size(), toPostgres.size(), false, null);
      return schema;
    } catch (Unmodelled e) {
      return fallBack(ddl, e.getMessage());
    }
  }

  Outcome lastOutcome() {
    return lastOutcome;
  }

  private Schema fallBack(EntityDdl ddl, String reason) {
    LOG.log(Level.FINE, "spelling fell back to the scratch schema: {0}", reason);
    lastOutcome = new Outcome(0, DdlStatements.of(ddl.statements()).byTable().size(), true, reason);
    return scratch.canonicalize(ddl);
  }

  /** Names PostgreSQL keeps as written: ASCII and at most 63 bytes. */
  private static boolean plainNames(DraftTable draft) {
    List<String> names = new ArrayList<>();
    names.add(draft.name());
    draft.columns().forEach(c -> names.add(c.name()));
    draft.checks().forEach(c -> names.add(c.name()));
    draft.uniques().forEach(u -> names.add(u.name()));
    draft.foreignKeys().forEach(f -> names.add(f.name()));
    draft.indexes().forEach(i -> names.add(i.name()));
    if (draft.primaryKey() != null) {
      names.add(draft.primaryKey().name());
    }
    return names.stream()
        .allMatch(
            n ->
                n == null
                    || n.length() <= PostgresNames.MAX_BYTES && n.chars().allMatch(c -> c < 128));
  }

  /** Registers with the probes what PostgreSQL must spell for {@code draft}. */
  private static void ask(DraftTable draft, Probes probes, Map<DraftCheck, String> checkKeys) {
    Map<String, String> types = new HashMap<>();
    for (DraftColumn column : draft.columns()) {
      types.put(column.name(), column.type());
      if (TypeSpellings.formatType(column.type()).isEmpty()) {
        probes.type(column.type());
      }
      if (column.defaultExpression() != null) {
        probes.defaultValue(column.type(), column.defaultExpression());
      }
    }
    for (DraftCheck check : draft.checks()) {
      Map<String, String> read = new LinkedHashMap<>();
      for (String name : ExpressionNames.of(check.expression())) {
        if (types.containsKey(name)) {
          read.put(name, types.get(name));
        }
      }
      checkKeys.put(check, probes.check(read, check.expression()));
    }
  }

  private Schema assemble(
      EntityDdl ddl,
      DdlStatements statements,
      Map<String, DraftTable> drafts,
      Schema read,
      Probes.Answers answers,
      Map<DraftCheck, String> checkKeys)
      throws Unmodelled {
    Map<String, PostgresNames> namespaces = new HashMap<>();
    for (String key : statements.byTable().keySet()) {
      names(namespaces, key).take(tableName(key));
    }
    for (DraftTable draft : drafts.values()) {
      PostgresNames names = names(namespaces, draft.key());
      draft.indexes().forEach(i -> names.take(i.name()));
      draft.uniques().forEach(u -> names.take(u.name()));
      draft.foreignKeys().forEach(f -> names.take(f.name()));
      draft.checks().stream().filter(c -> c.name() != null).forEach(c -> names.take(c.name()));
      if (draft.primaryKey() != null && draft.primaryKey().name() != null) {
        names.take(draft.primaryKey().name());
      }
      // PostgreSQL 18 names every NOT NULL constraint; taking those names too keeps a rare clash
      // from being missed on any version.
      draft.columns().forEach(c -> names.take(draft.name() + "_" + c.name() + "_not_null"));
    }
    List<Table> tables = new ArrayList<>();
    for (String key : statements.byTable().keySet()) {
      QualifiedName name = DdlStatements.modelName(key, ddl.schemas());
      if (scope.isIgnored(name)) {
        continue;
      }
      DraftTable draft = drafts.get(key);
      Optional<Table> table =
          draft == null
              ? read.table(name)
              : Optional.of(
                  table(
                      draft, name, names(namespaces, key), answers, checkKeys, drafts, read, ddl));
      table.ifPresent(tables::add);
    }
    return new Schema(tables, read.sequences(), read.enumTypes(), List.of());
  }

  private static PostgresNames names(Map<String, PostgresNames> namespaces, String key) {
    int dot = key.indexOf('.');
    return namespaces.computeIfAbsent(
        dot < 0 ? "" : key.substring(0, dot), k -> new PostgresNames());
  }

  private static String tableName(String key) {
    return key.substring(key.indexOf('.') + 1);
  }

  private static Table table(
      DraftTable draft,
      QualifiedName name,
      PostgresNames names,
      Probes.Answers answers,
      Map<DraftCheck, String> checkKeys,
      Map<String, DraftTable> drafts,
      Schema read,
      EntityDdl ddl)
      throws Unmodelled {
    Set<String> keyColumns =
        draft.primaryKey() == null ? Set.of() : Set.copyOf(draft.primaryKey().columns());
    List<Column> columns = new ArrayList<>();
    for (DraftColumn column : draft.columns()) {
      SqlType type =
          TypeSpellings.formatType(column.type())
              .map(SqlType::parse)
              .orElseGet(() -> answers.type(column.type()));
      boolean nullable =
          !column.notNull() && column.identity() == null && !keyColumns.contains(column.name());
      String defaultValue =
          column.defaultExpression() == null
              ? null
              : answers.defaultValue(column.type(), column.defaultExpression());
      columns.add(
          new Column(
              column.name(),
              type,
              nullable,
              defaultValue,
              column.identity(),
              null,
              null,
              column.comment()));
    }
    // PostgreSQL names a table's checks as it creates them, before its primary key's index.
    List<CheckConstraint> checks = new ArrayList<>();
    for (DraftCheck check : draft.checks()) {
      String expression = answers.check(checkKeys.get(check));
      String checkName = check.name();
      if (checkName == null) {
        Set<String> reads = ExpressionNames.columnsOf(expression, columnNames(draft));
        checkName =
            names.choose(draft.name(), reads.size() == 1 ? reads.iterator().next() : null, "check");
      }
      checks.add(new CheckConstraint(checkName, expression));
    }
    PrimaryKey primaryKey = null;
    if (draft.primaryKey() != null) {
      String keyName =
          draft.primaryKey().name() != null
              ? draft.primaryKey().name()
              : names.choose(draft.name(), null, "pkey");
      primaryKey = new PrimaryKey(keyName, draft.primaryKey().columns());
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (DraftForeignKey key : draft.foreignKeys()) {
      QualifiedName target = DdlStatements.modelName(key.target(), ddl.schemas());
      List<String> targetColumns =
          key.targetColumns().isEmpty()
              ? keyOf(key.target(), target, drafts, read)
              : key.targetColumns();
      foreignKeys.add(
          new ForeignKey(
              key.name(),
              key.columns(),
              target,
              targetColumns,
              key.onDelete(),
              key.onUpdate(),
              false,
              false));
    }
    // The catalog reader lists constraints and indexes by name.
    return new Table(
        name,
        columns,
        primaryKey,
        byName(foreignKeys, ForeignKey::name),
        byName(draft.uniques(), UniqueConstraint::name),
        byName(checks, CheckConstraint::name),
        byName(draft.indexes(), Index::name),
        draft.comment(),
        null);
  }

  private static <T> List<T> byName(List<T> items, Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }

  private static Set<String> columnNames(DraftTable draft) {
    Set<String> names = new LinkedHashSet<>();
    draft.columns().forEach(c -> names.add(c.name()));
    return names;
  }

  /** The primary key a foreign key without target columns references. */
  private static List<String> keyOf(
      String targetKey, QualifiedName target, Map<String, DraftTable> drafts, Schema read)
      throws Unmodelled {
    DraftTable draft = drafts.get(targetKey);
    if (draft != null && draft.primaryKey() != null) {
      return draft.primaryKey().columns();
    }
    PrimaryKey key = read.table(target).map(Table::primaryKey).orElse(null);
    if (key == null) {
      throw new Unmodelled("a foreign key to " + target + " whose primary key is not known here");
    }
    return key.columns();
  }
}
