package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer's first minutes: the README's quick start, as written, and check on the sample. */
class QuickStartIT {

  @TempDir Path temp;

  /** The README's first command: the build, then the launcher; the build already ran. */
  @Test
  void readmeQuickStartRunsAsWritten() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("```sh\\n(.*?)\\n", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find());
    String[] parts = block.group(1).split(" && ");
    assertEquals(2, parts.length, block.group(1));
    assertTrue(parts[0].startsWith("mvn ") && parts[0].contains("package"), parts[0]);
    List<String> command = Arrays.asList(parts[1].trim().split(" +"));
    assertEquals("target/retort", command.get(0));
    Launcher.Result result =
        new Launcher(Path.of("").toAbsolutePath())
            .env("RETORT_CACHE_DIR", temp.resolve("cache").toString())
            .run(command.subList(1, command.size()).toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("The entities and the migrations are in sync.\n", result.out(), result.toString());
    assertEquals("", result.err(), "quiet by default: no library noise");
  }

  @Test
  void checkOnTheSampleFailsOnceAnEntityChanges() throws Exception {
    Path sample = temp.resolve("workforce");
    Launcher.copyTree(Path.of("samples/workforce"), sample);
    Path user = sample.resolve("model/v5/com/example/workforce/model/User.java");
    Files.writeString(
        user,
        Files.readString(user)
            .replace(
                "    private LocalDate birthDate;",
                "    private LocalDate birthDate;\n\n    @Column(name = \"nickname\", length = 40)\n    private String nickname;"));
    Launcher retort =
        new Launcher(sample).env("RETORT_CACHE_DIR", temp.resolve("cache").toString());
    Launcher.Result result = retort.run("check");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(
        result.out().contains("1 difference(s) between the entities and the migrations:"),
        result.out());
    assertTrue(result.out().contains("added column 'users.nickname'"), result.out());
  }
}
