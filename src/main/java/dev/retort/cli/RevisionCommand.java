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

  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the migration does.")
  String message;

  @Option(names = "--rev-id", paramLabel = "ID", description = "Use this revision id instead of a random one.")
  String revisionId;

  @Option(
      names = "--head",
      paramLabel = "REV",
      description = "Parent revision (to start a branch); default: the single current head.")
  String head;

  @Override
  int execute() {
    RevisionGraph graph = context().graph();
    List<String> parents = parents(graph);
    String id = revisionId == null ? MigrationFiles.newRevisionId() : revisionId;
    NewMigration.checkId(graph, id);
    Instant created = MigrationFiles.now(context().environment().variables());
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
            CodeBlock.of("// Write the upgrade steps here, e.g. op.addColumn(\"users\", column(\"bio\", text()));\n"),
            CodeBlock.of("// Write the steps that undo the upgrade here, e.g. op.dropColumn(\"users\", \"bio\");\n")));
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
