package dev.retort.cli;

import dev.retort.error.RetortException;
import dev.retort.revision.RevisionGraph;
import dev.retort.workspace.StampDetection;
import dev.retort.workspace.Workspace;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
      "Record TARGET as the database's revision without running any migration.",
      "TARGET: head, heads, base, or a revision. --purge first forgets whatever is recorded,",
      "even revisions no migration defines. --detect finds the revision a database built some",
      "other way matches."
    })
final class StampCommand extends BaseCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET")
  String target;

  @Option(
      names = "--detect",
      description =
          "Record nothing: replay each revision on an embedded PostgreSQL and say which one the"
              + " database's schema matches (exit 0), or the closest and what differs (exit 1).")
  boolean detect;

  @Option(
      names = "--purge",
      description = "Replace the recorded revisions even if they are unknown.")
  boolean purge;

  @Option(
      names = "--confirm-production",
      description = "Allow running against a production environment.")
  boolean confirmProduction;

  @Override
  int execute() {
    if (detect) {
      if (target != null) {
        throw RetortException.invalidInput(
            "--detect finds the target itself", "run 'retort stamp --detect' without TARGET");
      }
      return detect();
    }
    if (target == null) {
      throw RetortException.invalidInput(
          "stamp needs a TARGET (head, heads, base or a revision)",
          "name one, or find it with 'retort stamp --detect'");
    }
    List<String> heads = context().workspace().stamp(target, purge, confirmProduction);
    console()
        .success(
            "Stamped the database at "
                + (heads.isEmpty() ? "base" : String.join(", ", heads))
                + ".");
    return 0;
  }

  private int detect() {
    Workspace workspace = context().workspace();
    StampDetection.Detected detected = workspace.detectRevision();
    RevisionGraph graph = workspace.graph();
    if (detected.exact()) {
      console().result("The database matches " + describe(graph, detected.closest()) + " exactly.");
      List<List<String>> same = detected.matches().subList(0, detected.matches().size() - 1);
      if (!same.isEmpty()) {
        console()
            .info(
                "  So do "
                    + same.stream().map(heads -> names(heads)).collect(Collectors.joining(", "))
                    + ": the same schema; the later ones add only data or what Retort does not"
                    + " compare. If the database lacks that data, stamp the earlier one, so the"
                    + " upgrade runs the migration that adds it.");
      }
      console().info("Record it with: retort stamp " + names(detected.closest()));
      return 0;
    }
    console()
        .result(
            "No revision matches exactly. The closest is "
                + describe(graph, detected.closest())
                + ", with "
                + detected.differences().changes().size()
                + " difference(s) the database would need to be at it:");
    detected.differences().changes().forEach(change -> console().result("  - " + change.summary()));
    console()
        .info(
            "Make the database match (by hand, or with a migration you apply yourself), or stamp"
                + " the closest with 'retort stamp "
                + names(detected.closest())
                + "' and let a later migration close the gap.");
    return 1;
  }

  private static String names(List<String> heads) {
    return heads.isEmpty() ? "base" : String.join(" ", heads);
  }

  private static String describe(RevisionGraph graph, List<String> heads) {
    if (heads.isEmpty()) {
      return "base (no revision)";
    }
    return heads.stream()
        .map(
            id ->
                "revision "
                    + id
                    + (graph.get(id).message().isBlank()
                        ? ""
                        : " (" + graph.get(id).message() + ")"))
        .collect(Collectors.joining(" and "));
  }
}
