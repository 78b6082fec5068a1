package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.config.ConfigKey;
import dev.retort.maven.GoalReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's command reference, configuration table and Maven goals are the real help (the goals:
 * the plugin descriptor the build generated), and its example class is a scenario's golden file,
 * regenerated: this test fails when they drift. {@code -Dretort.updateReadme=true} rewrites them.
 */
class CommandReferenceTest {

  private static final Path README = Path.of("README.md");
  private static final Path EXAMPLE =
      Path.of("src/test/resources/scenarios/column_rename_candidate/expected.java");

  static String commandReference() {
    CommandLine root = Main.commandLine();
    StringBuilder text = new StringBuilder();
    text.append("```text\n").append(usage(root)).append("```\n");
    for (CommandLine sub : root.getSubcommands().values()) {
      String name = sub.getCommandName();
      if (name.equals("help") || name.equals("generate-completion")) {
        continue;
      }
      text.append("\n### retort ")
          .append(name)
          .append("\n\n```text\n")
          .append(usage(sub))
          .append("```\n");
    }
    return text.toString();
  }

  private static String usage(CommandLine command) {
    return command.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("[ \\t]+\\n", "\n");
  }

  static String configurationKeys() {
    StringBuilder text = new StringBuilder("| key | environment | meaning |\n|---|---|---|\n");
    for (ConfigKey key : ConfigKey.values()) {
      text.append("| `")
          .append(key.key())
          .append("` | `")
          .append(key.environmentVariable())
          .append("` | ")
          .append(key.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return text.toString();
  }

  @Test
  void readmeCommandReferenceMatchesTheHelp() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String updated =
        replaceSection(
            replaceSection(readme, "COMMAND REFERENCE", commandReference()),
            "CONFIGURATION KEYS",
            configurationKeys());
    updated =
        replaceSection(
            updated,
            "MAVEN GOALS",
            GoalReference.markdown(Path.of("target/classes/META-INF/maven/plugin.xml")));
    updated =
        replaceSection(
            updated,
            "GENERATED EXAMPLE",
            "```java\n" + Files.readString(EXAMPLE, StandardCharsets.UTF_8) + "```\n");
    if (Boolean.getBoolean("retort.updateReadme")) {
      Files.writeString(README, updated, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        updated, readme, "README sections are out of date: run with -Dretort.updateReadme=true");
  }

  @Test
  void readmeStartsWithTheTwoCommandsAndCiRunsTheSecond() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```sh\\n(.*?)\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README opens with a shell block");
    assertTrue(block.start() < readme.indexOf("## "), "the commands come before any section");
    String ci = Files.readString(Path.of(".ci/run"), StandardCharsets.UTF_8);
    assertTrue(
        ci.lines().anyMatch(line -> line.strip().equals(block.group(2).strip())),
        ".ci/run runs exactly the README's test command: " + block.group(2));
  }

  private static String replaceSection(String readme, String name, String content) {
    Pattern section =
        Pattern.compile(
            "(<!-- BEGIN " + name + "[^>]*-->\\n)(.*?)(<!-- END " + name + " -->)", Pattern.DOTALL);
    Matcher matcher = section.matcher(readme);
    assertTrue(matcher.find(), "README has the " + name + " markers");
    return readme.substring(0, matcher.start())
        + matcher.group(1)
        + content
        + matcher.group(3)
        + readme.substring(matcher.end());
  }
}
