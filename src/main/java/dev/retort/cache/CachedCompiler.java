package dev.retort.cache;

import dev.retort.compiler.Javac;
import dev.retort.compiler.SourceCompiler;
import dev.retort.digest.Digests;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps compiled classes in the cache directory, keyed by every source's content, Retort's own
 * build and the classpath: unchanged sources are never compiled twice, and concurrent processes
 * never see a half-written result (each compiles into a staging directory, then moves it in).
 */
public final class CachedCompiler implements SourceCompiler {

  private final Path cacheRoot;

  public CachedCompiler(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  @Override
  public Path compile(Kind kind, List<Path> sources, List<Path> classpath) {
    Path target = cacheRoot.resolve(kind.folder()).resolve(key(kind, sources, classpath));
    if (Files.isDirectory(target)) {
      return target;
    }
    Path staging;
    try {
      Files.createDirectories(target.getParent());
      staging = Files.createTempDirectory(target.getParent(), "compiling-");
    } catch (IOException e) {
      throw new RetortException(
          ExitCode.INVALID_INPUT,
          "cannot create the compile cache in " + target.getParent() + ": " + e.getMessage(),
          "set RETORT_CACHE_DIR to a writable directory",
          e);
    }
    Javac.compileInto(kind, sources, classpath, staging);
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another process cached the same sources first; its result is identical.
      Javac.deleteRecursively(staging);
    } catch (IOException e) {
      if (!Files.isDirectory(target)) {
        throw new UncheckedIOException(e);
      }
      Javac.deleteRecursively(staging);
    }
    return target;
  }

  private static String key(Kind kind, List<Path> sources, List<Path> classpath) {
    List<String> parts =
        new ArrayList<>(
            List.of(
                "retort-" + kind.folder() + "-v1",
                System.getProperty("java.specification.version"),
                RetortBuild.id()));
    classpath.forEach(entry -> parts.add(entry.toString()));
    try {
      for (Path source : sources) {
        parts.add(source + "|" + Digests.of(Files.readAllBytes(source)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Digests.of(parts.stream());
  }
}
