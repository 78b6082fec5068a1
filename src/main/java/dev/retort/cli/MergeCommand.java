package dev.retort.cli;

import com.palantir.javapoet.CodeBlock;
import dev.retort.error.RetortException;
import dev.retort.render.MigrationClass;
import dev.retort.revision.MigrationFiles;
import dev.retort.revision.RevisionGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Create a migration that merges two or more heads into one (use 'heads' for all).")
final class MergeCommand extends BaseCommand {

  @Option(
      names = {"-m", "--message"},
      required = true,
      paramLabel = "MSG",
      description = "What the merge is for.")
  String message;

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Use this revision id instead of a random one.")
  String revisionId;

  @Parameters(
      arity = "1..*",
      paramLabel = "REV",
      description = "The heads to merge, or 'heads' for all of them.")
  List<String> revisions;

  @Override
  int execute() {
    RevisionGraph graph = context().graph();
    List<String> parents = new ArrayList<>();
    for (String revision : revisions) {
      if (revision.equals("heads")) {
        graph.heads().stream().filter(h -> !parents.contains(h)).forEach(parents::add);
      } else {
        String id = graph.resolve(revision);
        if (!parents.contains(id)) {
          parents.add(id);
        }
      }
    }
    if (parents.size() < 2) {
      throw RetortException.invalidInput(
          "merge needs at least two different revisions, got " + String.join(", ", parents),
          "name the heads to merge (see 'retort heads')");
    }
    for (String parent : parents) {
      for (String other : parents) {
        if (!parent.equals(other) && graph.ancestorsOf(other).contains(parent)) {
          throw RetortException.revisionGraph(
              parent + " is already an ancestor of " + other + ", so there is nothing to merge",
              "merge heads only (see 'retort heads')");
        }
      }
    }
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
            "Created by {@code retort merge}: it joins " + String.join(" and ", parents) + ".",
            List.of(),
            true,
            List.of(),
            CodeBlock.of("// Nothing to do: this revision only joins the branches.\n"),
            CodeBlock.of("// Nothing to do: this revision only joins the branches.\n")));
    return 0;
  }
}
