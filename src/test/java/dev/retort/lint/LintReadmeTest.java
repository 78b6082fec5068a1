package dev.retort.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's rule table is the rules' own description; {@code -Dretort.updateReadme=true}
 * rewrites it, as for the command reference.
 */
class LintReadmeTest {

  private static final Path README = Path.of("README.md");
  private static final String BEGIN =
      "<!-- BEGIN LINT RULES (generated from the rules by LintReadmeTest; do not edit) -->\n";
  private static final String END = "<!-- END LINT RULES -->";

  @Test
  void theReadmeListsEveryRule() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README has the lint rule markers");
    StringBuilder table =
        new StringBuilder("| id | severity | what | why | instead |\n|---|---|---|---|---|\n");
    for (RuleInfo rule : Rules.infos()) {
      table
          .append("| ")
          .append(rule.id())
          .append(" | ")
          .append(rule.severity().word())
          .append(" | ")
          .append(cell(rule.title()))
          .append(" | ")
          .append(cell(rule.why()))
          .append(" | ")
          .append(cell(rule.instead()))
          .append(" |\n");
    }
    String updated = readme.substring(0, begin + BEGIN.length()) + table + readme.substring(end);
    if (Boolean.getBoolean("retort.updateReadme")) {
      Files.writeString(README, updated, StandardCharsets.UTF_8);
    }
    assertEquals(updated, readme, "the lint rule table is out of date: -Dretort.updateReadme=true");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
