package dev.retort.cli;

import dev.retort.render.Json;
import dev.retort.workspace.Doctor;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Show what Retort discovered about the project, and where each thing came from.",
      "The build and classpath, the application's framework, settings files and profile, the",
      "entities (and @Entity classes outside entities.packages, which are ignored), the naming",
      "strategies and Hibernate settings, the database (password hidden) and whether it",
      "answers, and the caches. Exit 0 whatever it finds; 2 for settings it cannot read."
    })
final class DoctorCommand extends BaseCommand {

  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  Format format;

  @Override
  int execute() {
    Doctor.Report report = context().workspace().doctor();
    console().result(format == Format.json ? json(report) : text(report));
    return 0;
  }

  /** Where values start: after the usual labels, so they line up; a longer label just pushes. */
  private static final int VALUE_COLUMN = 17;

  /** Sections of "label: value" lines. */
  static String text(Doctor.Report report) {
    StringBuilder out = new StringBuilder();
    for (Doctor.Section section : report.sections()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(section.title()).append('\n');
      for (Doctor.Item item : section.items()) {
        out.append("  ")
            .append(String.format("%-" + VALUE_COLUMN + "s", item.label() + ": "))
            .append(item.value())
            .append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** One object per section, each a list of {label, value} (labels may repeat). */
  static String json(Doctor.Report report) {
    return report.sections().stream()
        .map(
            section ->
                "  "
                    + Json.string(section.title().toLowerCase(java.util.Locale.ROOT))
                    + ": ["
                    + section.items().stream()
                        .map(
                            item ->
                                "\n    {\"label\": "
                                    + Json.string(item.label())
                                    + ", \"value\": "
                                    + Json.string(item.value())
                                    + "}")
                        .collect(Collectors.joining(","))
                    + "\n  ]")
        .collect(Collectors.joining(",\n", "{\n", "\n}"));
  }
}
