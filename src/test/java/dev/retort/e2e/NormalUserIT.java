package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL and the caches work for an ordinary account with no writable home (a CI
 * runner's user, a service account), not only for root, which the embedded launcher handles through
 * a user namespace. Run as root, the test switches to {@code nobody}; run as anyone else, it is
 * already that case and only takes the home away.
 */
class NormalUserIT {

  private static final String NOBODY = "65534";

  private Path work;

  @BeforeEach
  void copyTheToolAndTheSample() throws Exception {
    // A directory of its own under the system temp (not JUnit's, which only its owner may enter),
    // with copies of the launcher and jar: the build directory may sit under root's home.
    work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "retort-user-");
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path launcher = Launcher.launcher();
    Files.copy(launcher, bin.resolve("retort"));
    bin.resolve("retort").toFile().setExecutable(true, false);
    Files.copy(launcher.resolveSibling("retort.jar"), bin.resolve("retort.jar"));
    Launcher.copyTree(Path.of("samples/workforce"), work.resolve("workforce"));
  }

  @AfterEach
  void remove() throws Exception {
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  void checkOnTheSampleRunsWithoutRootAndWithoutAHome() throws Exception {
    List<String> command = new ArrayList<>();
    if (output("id", "-u").equals("0")) {
      assumeTrue(
          Files.isExecutable(Path.of("/usr/bin/setpriv")),
          "running as root without setpriv to become nobody");
      assertEquals("", output("chown", "-R", NOBODY + ":" + NOBODY, work.toString()));
      command.addAll(
          List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.addAll(
        List.of(
            "env",
            "-i",
            "PATH=" + System.getenv("PATH"),
            "JAVA_HOME=" + System.getProperty("java.home"),
            "HOME=/nonexistent",
            "NO_COLOR=1"));
    command.addAll(
        List.of(
            work.resolve("bin/retort").toString(), "-c", "workforce/retort.properties", "check"));
    Launcher.Result result =
        Launcher.finish(new ProcessBuilder(command).directory(work.toFile()).start());
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("The entities and the migrations are in sync.\n", result.out(), result.toString());
    assertEquals("", result.err(), result.toString());
  }

  private static String output(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return text;
  }
}
