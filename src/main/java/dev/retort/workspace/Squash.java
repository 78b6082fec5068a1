package dev.retort.workspace;

import dev.retort.catalog.CatalogScope;
import dev.retort.compare.ComparisonInput;
import dev.retort.compare.MigrationPlan;
import dev.retort.compare.PlannedChange;
import dev.retort.compare.SchemaComparator;
import dev.retort.config.RetortConfig;
import dev.retort.connect.Connections;
import dev.retort.embedded.ScratchServer;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.operation.BackfillColumn;
import dev.retort.operation.BulkInsert;
import dev.retort.operation.CreateSchema;
import dev.retort.operation.Decision;
import dev.retort.operation.DropColumn;
import dev.retort.operation.DropSchema;
import dev.retort.operation.DropTable;
import dev.retort.operation.DryRun;
import dev.retort.operation.ExecuteSql;
import dev.retort.operation.Operation;
import dev.retort.plan.LockAnalysis;
import dev.retort.postgres.Extensions;
import dev.retort.render.MethodBody;
import dev.retort.render.MigrationClass;
import dev.retort.render.MigrationRenderer;
import dev.retort.revision.MigrationScript;
import dev.retort.revision.RevisionGraph;
import dev.retort.runtime.MigrationRunner;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.shadow.ShadowServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code squash --to REV}: one migration equivalent to base → REV, built from the migrations' own
 * steps, not from the entities. They are replayed on an embedded server: a run of migrations with
 * schema steps only becomes the difference between the catalog before and after it (from base:
 * every object created in its final form); a migration with data steps ({@code op.execute}, {@code
 * op.bulkInsert}, backfills, decisions) keeps all its steps, as it issues them, in its place. After
 * data exists, a run whose difference would drop or needs review keeps its steps too, so no row is
 * lost to a rename read as drop and add.
 */
public final class Squash {

  /**
   * What the squash built, with what the originals build, for the proof.
   *
   * @param replaced the revisions it stands for, parents first
   * @param fromCatalog how many of them became catalog differences
   */
  record Built(
      MigrationClass migration,
      List<String> replaced,
      int fromCatalog,
      Schema expected,
      Map<String, TableContents.Rows> expectedRows) {}

  /** What {@code squash} wrote, and how it was made. */
  public record Squashed(
      Workspace.Written written, List<String> replaced, int fromCatalog, int keptAsWritten) {

    /** The first and last revision replaced, {@code 1a2b3c to 9f8e7d}. */
    public String range() {
      return replaced.get(0) + " to " + replaced.get(replaced.size() - 1);
    }

    /** What the squash is made of and what to do next, after the line naming its file. */
    public List<String> details() {
      return List.of(
          "  "
              + fromCatalog
              + " became the schema they make; "
              + keptAsWritten
              + " kept their own steps (data, or changes after data exists)",
          "  Proven on embedded PostgreSQL: a database built by it has the same catalog and rows"
              + " as one built by the originals.",
          "  Keep the replaced files until no database is between "
              + replaced.get(0)
              + " and "
              + replaced.get(replaced.size() - 1)
              + "; then delete them.");
    }
  }

  /** A part of the squash, in order: its upgrade steps, and the downgrade steps that undo them. */
  private record Piece(
      List<MethodBody.Part> upgrade,
      List<MethodBody.Part> downgrade,
      List<String> reviewNotes,
      boolean transactional) {}

  private final RetortConfig config;
  private final RevisionGraph graph;
  private final Stages stages;
  private final Reporter reporter;
  private final MigrationRenderer renderer = new MigrationRenderer();

  Squash(RetortConfig config, RevisionGraph graph, Stages stages, Reporter reporter) {
    this.config = config;
    this.graph = graph;
    this.stages = stages;
    this.reporter = reporter;
  }

  /** The revisions a squash to {@code target} replaces, parents first, checked squashable. */
  List<MigrationScript> replaced(String target) {
    Set<String> ancestors = graph.ancestorsOf(target);
    List<MigrationScript> replaced =
        graph.inOrder().stream().filter(script -> ancestors.contains(script.id())).toList();
    if (replaced.size() < 2) {
      throw RetortException.invalidInput(
          "squashing to " + target + " would replace only itself",
          "name a later revision with --to (see 'retort history')");
    }
    for (Map.Entry<String, List<String>> earlier : graph.waitingSquashes().entrySet()) {
      if (earlier.getValue().stream().anyMatch(ancestors::contains)) {
        // Both would stand for the same revisions once the files are gone: two roots.
        throw RetortException.invalidInput(
            "squash "
                + earlier.getKey()
                + " already stands for revisions this squash would replace ("
                + String.join(", ", earlier.getValue())
                + ")",
            "delete the earlier squash's file first (the revisions it replaces are all still"
                + " here), then squash again");
      }
    }
    for (MigrationScript script : graph.inOrder()) {
      if (ancestors.contains(script.id())) {
        continue;
      }
      for (String parent : script.parents()) {
        if (ancestors.contains(parent) && !parent.equals(target)) {
          throw RetortException.invalidInput(
              "revision "
                  + script.id()
                  + " ("
                  + script.source()
                  + ") branches off "
                  + parent
                  + ", inside what the squash would replace",
              "squash to a revision before " + parent + ", or merge the branch first");
        }
      }
    }
    return replaced;
  }

  Built build(MigrationClass.Header header, String target) {
    List<MigrationScript> replaced = replaced(target);
    List<Piece> pieces = new ArrayList<>();
    int fromCatalog = 0;
    CatalogScope scope = Replays.scope(config);
    reporter.progress(
        "Replaying "
            + replaced.size()
            + " migrations ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    try (ScratchServer server = stages.startScratchServer(config.shadowImage());
        Connection connection = Connections.open(server.createDatabase("retort_squash"))) {
      MigrationRunner runner = Replays.runner(config, graph, true, reporter.embedded());
      runner.prepare(connection);
      int major = connection.getMetaData().getDatabaseMajorVersion();
      List<MigrationScript> run = new ArrayList<>();
      Schema before = null;
      for (MigrationScript script : replaced) {
        DryRun upgrade = dryRun(script, true);
        if (schemaOnly(upgrade) && inScope(upgrade, scope)) {
          if (run.isEmpty()) {
            before = stages.catalog(scope).read(connection);
          }
          runner.upgrade(connection, script.id());
          run.add(script);
          continue;
        }
        fromCatalog += endRun(run, before, connection, scope, major, pieces);
        runner.upgrade(connection, script.id());
        pieces.add(kept(List.of(script)));
      }
      fromCatalog += endRun(run, before, connection, scope, major, pieces);
      Schema expected = stages.catalog(scope).read(connection);
      Map<String, TableContents.Rows> rows = TableContents.of(connection, expected);
      return new Built(
          squashClass(header, replaced, pieces), ids(replaced), fromCatalog, expected, rows);
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw embeddedFailure(e);
    } finally {
      reporter.endProgress();
    }
  }

  /**
   * Ends a run of schema-only migrations: the catalog difference it made, or its own steps when
   * data exists and the difference would drop something or needs review. Returns how many
   * migrations became a difference.
   */
  private int endRun(
      List<MigrationScript> run,
      Schema before,
      Connection connection,
      CatalogScope scope,
      int major,
      List<Piece> pieces)
      throws SQLException {
    if (run.isEmpty()) {
      return 0;
    }
    List<MigrationScript> scripts = List.copyOf(run);
    run.clear();
    Schema after = stages.catalog(scope).read(connection);
    MigrationPlan plan =
        SchemaComparator.compare(
            new ComparisonInput(
                before,
                after,
                null,
                null,
                major,
                graph.ordinalOrders(List.of(scripts.get(scripts.size() - 1).id()))));
    boolean dataExists = !pieces.isEmpty();
    if (dataExists && (!plan.flags().isEmpty() || drops(plan))) {
      pieces.add(kept(scripts));
      return 0;
    }
    if (!plan.isEmpty()) {
      List<MethodBody.Part> upgrade = new ArrayList<>();
      upgrade.add(remark(describeRun(scripts)));
      upgrade.addAll(renderer.upgrade(plan).parts());
      List<MethodBody.Part> downgrade = new ArrayList<>();
      downgrade.add(remark("Undoes the schema of " + describeIds(scripts) + ":"));
      downgrade.addAll(renderer.downgrade(plan).parts());
      pieces.add(
          new Piece(upgrade, downgrade, MigrationRenderer.reviewNotes(plan), plan.transactional()));
    }
    return scripts.size();
  }

  private static boolean drops(MigrationPlan plan) {
    return plan.changes().stream()
        .map(PlannedChange::operation)
        .anyMatch(op -> op instanceof DropTable || op instanceof DropColumn);
  }

  /** The migrations' own steps, as they issue them; the downgrade theirs, newest first. */
  private Piece kept(List<MigrationScript> scripts) {
    List<MethodBody.Part> upgrade = new ArrayList<>();
    List<MethodBody.Part> downgrade = new ArrayList<>();
    boolean transactional = true;
    for (MigrationScript script : scripts) {
      upgrade.add(remark("From " + describe(script) + ", its own steps:"));
      upgrade.addAll(renderer.operations(dryRun(script, true).operationList()).parts());
      transactional &= script.newMigration().transactional();
    }
    for (MigrationScript script : reversed(scripts)) {
      downgrade.add(remark("Undoes " + describe(script) + ":"));
      downgrade.addAll(renderer.operations(dryRun(script, false).operationList()).parts());
    }
    return new Piece(upgrade, downgrade, List.of(), transactional);
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static boolean schemaOnly(DryRun run) {
    return run.operationList().stream()
        .noneMatch(
            op ->
                op instanceof ExecuteSql
                    || op instanceof BulkInsert
                    || op instanceof BackfillColumn
                    || op instanceof Decision);
  }

  /**
   * Whether every object the steps work on is one the catalog difference sees: a schema of its own,
   * or a table outside {@code schemas} or left out by include/exclude, would be missing from the
   * difference (and from the proof, which reads the same scope), so such a migration keeps its
   * steps.
   */
  private boolean inScope(DryRun run, CatalogScope scope) {
    for (Operation op : run.operationList()) {
      if (op instanceof CreateSchema || op instanceof DropSchema) {
        return false;
      }
      QualifiedName table = LockAnalysis.tableOf(op);
      if (table != null
          && ((table.schema() != null && !config.schemas().contains(table.schema()))
              || scope.isIgnored(table))) {
        return false;
      }
    }
    return true;
  }

  /** A migration's steps, run without a database; one that needs its connection cannot be kept. */
  private static DryRun dryRun(MigrationScript script, boolean upgrade) {
    DryRun run =
        upgrade ? DryRun.upgrade(script.newMigration()) : DryRun.downgrade(script.newMigration());
    if (run.stoppedAt() != null) {
      throw RetortException.invalidInput(
          "cannot squash "
              + describe(script)
              + ": its "
              + (upgrade ? "upgrade" : "downgrade")
              + (run.usedConnection()
                  ? " works on the JDBC connection (op.connection()"
                      + (run.stoppedLine() > 0 ? ", line " + run.stoppedLine() : "")
                      + "), which a squash cannot carry"
                  : " cannot be run without a database: " + run.stoppedAt()),
          "squash to a revision before it (--to), or write its steps with op.execute");
    }
    return run;
  }

  private MigrationClass squashClass(
      MigrationClass.Header header, List<MigrationScript> replaced, List<Piece> pieces) {
    List<MethodBody.Part> upgrade = new ArrayList<>();
    List<MethodBody.Part> downgrade = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean transactional = true;
    for (Piece piece : pieces) {
      separate(upgrade);
      upgrade.addAll(piece.upgrade());
      notes.addAll(piece.reviewNotes());
      transactional &= piece.transactional();
    }
    for (Piece piece : reversed(pieces)) {
      separate(downgrade);
      downgrade.addAll(piece.downgrade());
    }
    String target = replaced.get(replaced.size() - 1).id();
    return new MigrationClass(
        header.withReplaces(ids(replaced)),
        "Created by {@code retort squash}: it stands for the "
            + replaced.size()
            + " revisions from "
            + replaced.get(0).id()
            + " to "
            + target
            + ", built from their own steps. While their files exist, Retort uses them; once they"
            + " are deleted, a database at "
            + target
            + " or later is past this revision.",
        notes,
        transactional,
        List.copyOf(graph.ordinalOrders(List.of(target)).values()),
        new MethodBody(upgrade),
        new MethodBody(downgrade));
  }

  /** A blank line between pieces, so each reads as a paragraph. */
  private static void separate(List<MethodBody.Part> parts) {
    if (!parts.isEmpty()) {
      parts.add(MethodBody.Part.blankLine());
    }
  }

  private static MethodBody.Part remark(String text) {
    return MethodBody.Part.remark(text);
  }

  private static String describe(MigrationScript script) {
    return script.id() + (script.message().isBlank() ? "" : " (" + script.message() + ")");
  }

  private static String describeRun(List<MigrationScript> scripts) {
    return scripts.size() == 1
        ? "The schema " + describe(scripts.get(0)) + " makes:"
        : "The schema " + describeIds(scripts) + " make, in its final form:";
  }

  private static String describeIds(List<MigrationScript> scripts) {
    return scripts.size() == 1
        ? describe(scripts.get(0))
        : "the "
            + scripts.size()
            + " revisions from "
            + scripts.get(0).id()
            + " to "
            + scripts.get(scripts.size() - 1).id();
  }

  private static List<String> ids(List<MigrationScript> scripts) {
    return scripts.stream().map(MigrationScript::id).toList();
  }

  /**
   * Builds a fresh database from the squash alone and compares it with what the originals built:
   * the catalog, and every table's rows. Returns what differs (empty: the squash is equivalent).
   */
  List<String> prove(MigrationScript squash, Built built) {
    reporter.progress(
        "Proving the squash: a database built by it alone ("
            + ShadowServers.describe(config.shadowImage())
            + ") ...");
    CatalogScope scope = Replays.scope(config);
    try (ScratchServer server = stages.startScratchServer(config.shadowImage());
        Connection connection = Connections.open(server.createDatabase("retort_squash_proof"))) {
      RevisionGraph alone = new RevisionGraph(List.of(squash));
      MigrationRunner runner = Replays.runner(config, alone, true, reporter.embedded());
      runner.upgrade(connection, squash.id());
      Schema schema = stages.catalog(scope).read(connection);
      List<String> differences = new ArrayList<>();
      if (!schema.equals(built.expected())) {
        SchemaComparator.compare(
                new ComparisonInput(
                    schema,
                    built.expected(),
                    null,
                    null,
                    connection.getMetaData().getDatabaseMajorVersion()))
            .changes()
            .forEach(change -> differences.add("schema: " + change.summary()));
      }
      if (differences.isEmpty()) {
        // Rows are compared only once every table is there (a missing one is already said).
        differences.addAll(
            TableContents.differences(
                TableContents.of(connection, built.expected()), built.expectedRows()));
      }
      return differences;
    } catch (RetortException e) {
      throw Extensions.explainReplay(e, ShadowServers.describe(config.shadowImage()));
    } catch (SQLException e) {
      throw embeddedFailure(e);
    } finally {
      reporter.endProgress();
    }
  }

  private RetortException embeddedFailure(SQLException e) {
    return new RetortException(
        ExitCode.DATABASE_UNAVAILABLE,
        ShadowServers.describe(config.shadowImage())
            + " failed while squashing: "
            + Connections.firstLine(e),
        "run with -v for details",
        e);
  }
}
