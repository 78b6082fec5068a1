package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install: a link to the built launcher in a directory on the PATH ({@code
 * ~/.local/bin/retort -> target/retort}) runs Retort, the jar found beside the script, not the
 * link.
 */
class InstallIT {

  @TempDir Path home;

  @Test
  void aLinkToTheLauncherRunsRetort() throws Exception {
    Path bin = Files.createDirectories(home.resolve(".local/bin"));
    Files.createSymbolicLink(bin.resolve("retort"), Launcher.launcher());
    // A relative link to that link, as a package manager's alternatives would make.
    Files.createSymbolicLink(home.resolve("rt"), Path.of(".local/bin/retort"));
    for (Path command : new Path[] {bin.resolve("retort"), home.resolve("rt")}) {
      Launcher.Result result =
          Launcher.finish(
              new ProcessBuilder(command.toString(), "--version").directory(home.toFile()).start());
      assertEquals(0, result.exitCode(), result.toString());
      assertTrue(result.out().startsWith("retort"), result.out());
    }
  }

  /**
   * The build's class-data archive maps (-Xshare:on makes a refused archive fatal), and holds the
   * command line's classes, picocli's too: they are compiled for Java 5, which only a static
   * archive takes, and loading them at every start cost about 80 ms.
   */
  @Test
  void theLauncherMapsItsClassDataArchiveWithTheCommandLineInIt() throws Exception {
    Path log = home.resolve("classes.log");
    ProcessBuilder builder =
        new ProcessBuilder(Launcher.launcher().toString(), "--version").directory(home.toFile());
    builder.environment().remove("RETORT_NO_CDS");
    builder.environment().put("RETORT_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log);
    Launcher.Result result = Launcher.finish(builder.start());
    assertEquals(0, result.exitCode(), result.toString());
    String loaded = Files.readString(log);
    for (String name : new String[] {"picocli.CommandLine", "dev.retort.cli.Main"}) {
      assertTrue(
          loaded.contains(" " + name + " source: shared objects file"),
          name
              + " is not in the archive: "
              + loaded.lines().filter(l -> l.contains(name)).toList());
    }
  }

  @Test
  void aLauncherInstalledUnderAPathWithASpaceRuns() throws Exception {
    Path bin = Files.createDirectories(home.resolve("Program Files/retort"));
    Path launcher = Launcher.launcher();
    // The script itself copied (the jar is found beside it), the jar and the archive linked.
    Files.copy(launcher, bin.resolve("retort"), StandardCopyOption.COPY_ATTRIBUTES);
    for (String name : new String[] {"retort.jar", "retort.jsa"}) {
      Files.createSymbolicLink(bin.resolve(name), launcher.resolveSibling(name));
    }
    Launcher.Result result =
        Launcher.finish(
            new ProcessBuilder(bin.resolve("retort").toString(), "--version")
                .directory(home.toFile())
                .start());
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.out().startsWith("retort"), result.out());
  }
}
