package dev.retort.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What lint found, in a fixed order (file, line, rule), and its text and JSON forms. */
public final class LintReport {

  private final List<Finding> findings;
  private final LintSettings settings;

  public LintReport(List<Finding> findings, LintSettings settings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.ORDER);
    this.findings = List.copyOf(sorted);
    this.settings = settings;
  }

  public List<Finding> findings() {
    return findings;
  }

  public LintSettings settings() {
    return settings;
  }

  /** Whether a finding reaches {@code failOn} (null: nothing fails the run). */
  public boolean fails(Severity failOn) {
    return findings.stream().anyMatch(f -> f.severity().reaches(failOn));
  }

  /**
   * What a reviewer should see of one migration before it is applied: its errors and warnings, one
   * line each ({@code warning RT004 line 12: ...}); notes are for {@code lint}.
   */
  public List<String> reviewLines(String migrationId) {
    return findings.stream()
        .filter(f -> f.migrationId().equals(migrationId))
        .filter(f -> f.severity().reaches(Severity.WARNING))
        .map(f -> f.severity().word() + " " + f.ruleId() + " line " + f.line() + ": " + f.message())
        .toList();
  }

  /** One line a finding, {@code file:line: severity RT001 message (instead: ...)}. */
  public List<String> textLines() {
    List<String> lines = new ArrayList<>();
    for (Finding f : findings) {
      lines.add(
          f.file()
              + ":"
              + f.line()
              + ": "
              + f.severity().word()
              + " "
              + f.ruleId()
              + " "
              + f.message());
      if (f.hint() != null) {
        lines.add("    instead: " + f.hint());
      }
    }
    return lines;
  }

  public String json() {
    String items =
        findings.stream()
            .map(
                f ->
                    "    {\"rule\": "
                        + Json.string(f.ruleId())
                        + ", \"severity\": "
                        + Json.string(f.severity().word())
                        + ", \"migration\": "
                        + Json.string(f.migrationId())
                        + ", \"file\": "
                        + Json.string(f.file())
                        + ", \"line\": "
                        + f.line()
                        + ", \"message\": "
                        + Json.string(f.message())
                        + ", \"hint\": "
                        + Json.string(f.hint())
                        + "}")
            .collect(Collectors.joining(",\n"));
    return "{\n  \"targetVersion\": "
        + settings.targetMajor()
        + ",\n  \"findings\": ["
        + (items.isEmpty() ? "" : "\n" + items + "\n  ")
        + "]\n}";
  }

  public String sarif(String toolVersion) {
    return Sarif.write(this, toolVersion);
  }
}
