package dev.retort.cli;

import dev.retort.workspace.Workspace;
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
    Workspace.Written written = context().workspace().merge(message, revisionId, revisions);
    console().success("Generated " + context().environment().display(written.file()));
    return 0;
  }
}
