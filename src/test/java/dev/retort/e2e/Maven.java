package dev.retort.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a real {@code mvn}, offline, on the build's own local repository (so what this build
 * installed is what it runs), as a user would in a project's directory.
 */
final class Maven {

  record Result(int exitCode, String out) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- output\n" + out;
    }
  }

  private final Path project;

  Maven(Path project) {
    this.project = project;
  }

  Result run(String... args) throws Exception {
    return run(List.of(), args);
  }

  Result run(List<String> settings, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-ntp"));
    String repository = System.getProperty("retort.localRepository");
    if (repository != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    command.addAll(settings);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("RETORT_") || k.startsWith("PG") || k.equals("DATABASE_URL"));
    builder.environment().put("RETORT_CACHE_DIR", project.resolve(".retort-cache").toString());
    builder.environment().remove("MAVEN_OPTS");
    Launcher.Result result = Launcher.finish(builder.start());
    return new Result(result.exitCode(), result.out());
  }
}
