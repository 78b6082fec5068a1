package dev.retort.cli;

import com.palantir.javapoet.CodeBlock;
import dev.retort.render.MigrationClass;
import dev.retort.revision.MigrationFiles;
import dev.retort.revision.RevisionGraph;
import dev.retort.revision.RevisionNavigator;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    description = "Create a new migration class whose parent is the current head.")
final class RevisionCommand extends BaseCommand {

  @Option(
      names = {"-m", "--message"},
      required = true,
      paramLabel = "MSG",
      description = "What the migration does.")
  String message;

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Use this revision id instead of a random one.")
  String revisionId;

  @Option(
      names = "--head",
      paramLabel = "REV",
      description = "Parent revision (to start a branch); default: the single current head.")
  String head;

  @Option(
      names = "--autogenerate",
      description = "Fill the migration with what the entities and the database differ in.")
  boolean autogenerate;

  @Option(
      names = "--rename",
      paramLabel = "OLD=NEW",
      description =
          "With --autogenerate: a rename, not a drop and an add (table.old=new, or old_table=new_table).")
  List<String> renames = new java.util.ArrayList<>();

  @Override
  int execute() {
    RevisionGraph graph = context().graph();
    List<String> parents = parents(graph);
    String id = revisionId == null ? MigrationFiles.newRevisionId() : revisionId;
    NewMigration.checkId(graph, id);
    Instant created = MigrationFiles.now(context().environment().variables());
    if (!renames.isEmpty() && !autogenerate) {
      throw dev.retort.error.RetortException.invalidInput(
          "--rename needs --autogenerate", "add --autogenerate");
    }
    if (autogenerate) {
      return autogenerate(parents, id, created);
    }
    NewMigration.write(
        context(),
        new MigrationClass(
            context().config().migrationsPackage(),
            MigrationFiles.className(created, message),
            id,
            parents,
            created.toString(),
            message,
            "Created by {@code retort revision}.",
            List.of(),
            true,
            List.of(),
            CodeBlock.of(
                "// Write the upgrade steps here, e.g. op.addColumn(\"users\", column(\"bio\", text()));\n"),
            CodeBlock.of(
                "// Write the steps that undo the upgrade here, e.g. op.dropColumn(\"users\", \"bio\");\n")));
    return 0;
  }

  private int autogenerate(List<String> parents, String id, Instant created) {
    dev.retort.timing.PhaseTimer timer = context().timer();
    dev.retort.workspace.ModelComparison.Result result =
        Comparisons.run(context(), parents, renames);
    dev.retort.compare.MigrationPlan plan = result.plan();
    PlanReport.print(console(), plan);
    if (plan.isEmpty()) {
      console().detail("timings: " + timer.summary());
      console().result("No changes detected.");
      return 0;
    }
    dev.retort.render.MigrationClass migration =
        timer.time(
            "render",
            () ->
                new dev.retort.render.MigrationRenderer()
                    .migrationClass(
                        plan,
                        context().config().migrationsPackage(),
                        MigrationFiles.className(created, message),
                        id,
                        parents,
                        created.toString(),
                        message));
    console().detail("timings: " + timer.summary());
    NewMigration.write(context(), migration);
    long flagged = plan.flags().size();
    if (flagged > 0) {
      console()
          .warning(
              flagged
                  + " review flag(s): read the REVIEW comments in the generated class before committing.");
    }
    return 0;
  }

  private List<String> parents(RevisionGraph graph) {
    if (head != null) {
      return List.of(graph.resolve(head));
    }
    String single = new RevisionNavigator(graph).singleHead();
    return single == null ? List.of() : List.of(single);
  }
}
