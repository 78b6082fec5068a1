package dev.retort.cache;

import dev.retort.digest.Digests;
import dev.retort.entity.MavenDependencies;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Remembers a project's classpath by its pom's path and content: Maven takes seconds to ask. */
public final class CachedMavenDependencies implements MavenDependencies {

  private final MavenDependencies maven;
  private final Path directory;

  public CachedMavenDependencies(MavenDependencies maven, Path cacheRoot) {
    this.maven = maven;
    this.directory = cacheRoot.resolve("classpath");
  }

  @Override
  public List<Path> runtimeClasspath(Path pom) {
    try {
      Path cached =
          directory.resolve(
              Digests.of(
                      Stream.of(
                          pom.toAbsolutePath().toString(), Digests.of(Files.readAllBytes(pom))))
                  + ".txt");
      if (Files.isRegularFile(cached)) {
        List<Path> entries = new ArrayList<>();
        for (String entry :
            Files.readString(cached, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
          if (!entry.isBlank()) {
            entries.add(Path.of(entry));
          }
        }
        return entries;
      }
      List<Path> entries = maven.runtimeClasspath(pom);
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "classpath-", ".tmp");
      Files.writeString(
          temporary,
          String.join(File.pathSeparator, entries.stream().map(Path::toString).toList()),
          StandardCharsets.UTF_8);
      Files.move(
          temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
