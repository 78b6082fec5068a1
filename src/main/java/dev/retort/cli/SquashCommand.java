package dev.retort.cli;

import dev.retort.workspace.Squash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "squash",
    mixinStandardHelpOptions = true,
    description = {
      "Write one migration that stands for every revision from base to REV: the schema they make,"
          + " from their own steps, and their data steps in order, with @Revision(replaces ="
          + " ...). It is written only once a database built by it equals one built by the"
          + " originals, catalog and rows (embedded PostgreSQL).",
      "While the replaced files exist they are used; once they are deleted, databases at REV or"
          + " later are past the squash and fresh databases are built by it."
    })
final class SquashCommand extends BaseCommand {

  @Option(
      names = {"-m", "--message"},
      required = true,
      paramLabel = "MSG",
      description = "What the squash is, e.g. \"baseline\".")
  String message;

  @Option(
      names = "--to",
      paramLabel = "REV",
      description = "The last revision to replace (default: the head).")
  String to;

  @Option(
      names = "--rev-id",
      paramLabel = "ID",
      description = "Use this revision id instead of a random one.")
  String revisionId;

  @Override
  int execute() {
    Squash.Squashed squashed = context().workspace().squash(message, revisionId, to);
    console()
        .success(
            "Generated "
                + context().environment().display(squashed.written().file())
                + ": it replaces "
                + squashed.replaced().size()
                + " revisions ("
                + squashed.range()
                + ")");
    squashed.details().forEach(console()::info);
    return 0;
  }
}
