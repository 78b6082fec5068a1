package dev.retort.lint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as SARIF 2.1.0, which code-scanning services (GitHub's among them) turn into
 * annotations on a pull request's lines: every rule in {@code tool.driver.rules}, every finding a
 * result pointing at its migration's file and line.
 */
final class Sarif {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private Sarif() {}

  static String write(LintReport report, String toolVersion) {
    List<RuleInfo> rules = Rules.infos();
    String ruleList =
        rules.stream()
            .map(
                r ->
                    "          {\"id\": "
                        + Json.string(r.id())
                        + ", \"name\": "
                        + Json.string(r.title())
                        + ", \"shortDescription\": {\"text\": "
                        + Json.string(r.title())
                        + "}, \"fullDescription\": {\"text\": "
                        + Json.string(r.why())
                        + "}, \"help\": {\"text\": "
                        + Json.string("Instead: " + r.instead())
                        + "}, \"defaultConfiguration\": {\"level\": "
                        + Json.string(r.severity().sarifLevel())
                        + "}}")
            .collect(Collectors.joining(",\n"));
    String results =
        report.findings().stream()
            .map(
                f ->
                    "        {\"ruleId\": "
                        + Json.string(f.ruleId())
                        + ", \"ruleIndex\": "
                        + indexOf(rules, f.ruleId())
                        + ", \"level\": "
                        + Json.string(f.severity().sarifLevel())
                        + ", \"message\": {\"text\": "
                        + Json.string(
                            f.message() + (f.hint() == null ? "" : ". Instead: " + f.hint()))
                        + "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\":"
                        + " {\"uri\": "
                        + Json.string(f.file().replace('\\', '/'))
                        + "}, \"region\": {\"startLine\": "
                        + Math.max(f.line(), 1)
                        + "}}}]}")
            .collect(Collectors.joining(",\n"));
    return "{\n  \"$schema\": "
        + Json.string(SCHEMA)
        + ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\":"
        + " {\"name\": \"retort\", \"version\": "
        + Json.string(toolVersion)
        + ", \"rules\": [\n"
        + ruleList
        + "\n        ]}\n      },\n      \"results\": ["
        + (results.isEmpty() ? "" : "\n" + results + "\n      ")
        + "]\n    }\n  ]\n}";
  }

  private static int indexOf(List<RuleInfo> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
