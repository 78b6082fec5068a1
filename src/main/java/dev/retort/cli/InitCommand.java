package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create retort.properties and a migrations directory (from Retort's templates).")
final class InitCommand extends BaseCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Where to create them (default: .).")
  Path directory;

  @Override
  int execute() {
    Path target =
        context()
            .environment()
            .workingDir()
            .resolve(directory == null ? Path.of(".") : directory)
            .normalize();
    Path properties = target.resolve("retort.properties");
    if (Files.exists(properties)) {
      throw RetortException.invalidInput(
          properties + " already exists", "edit it, or run init in another directory");
    }
    try (InputStream template =
        InitCommand.class.getResourceAsStream("/dev/retort/templates/retort.properties")) {
      if (template == null) {
        throw new RetortException(
            ExitCode.INTERNAL, "the retort.properties template is missing from this build", null);
      }
      Files.createDirectories(target.resolve("migrations"));
      Files.copy(template, properties);
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot create retort.properties and migrations/ in " + target + ": " + e,
          "check that the directory is writable and the disk has space",
          e);
    }
    console().success("Created " + properties + " and " + target.resolve("migrations") + "/");
    console().info("Next: set url and entities.packages in retort.properties, then run");
    console().info("  retort revision --autogenerate -m \"initial schema\"");
    return 0;
  }
}
