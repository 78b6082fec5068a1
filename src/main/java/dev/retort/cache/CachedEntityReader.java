package dev.retort.cache;

import dev.retort.digest.Digests;
import dev.retort.entity.ClassFiles;
import dev.retort.entity.EntityReader;
import dev.retort.entity.EntityRequest;
import dev.retort.schema.EntityDdl;
import dev.retort.timing.PhaseTimer;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Remembers Hibernate's output for a set of entity classes: every class file of the classpath's
 * directories (by content), every jar (by identity), the settings, the server version and Retort's
 * build. Unchanged classes skip Hibernate altogether. When a class file could not be read, nothing
 * is remembered or reused, since nothing would notice that file change.
 */
public final class CachedEntityReader implements EntityReader {

  private final EntityReader reader;
  private final CacheDirectory directory;
  private final PhaseTimer timer;

  public CachedEntityReader(EntityReader reader, Path cacheRoot, PhaseTimer timer) {
    this.reader = reader;
    this.directory = new CacheDirectory(cacheRoot.resolve("models"), 8);
    this.timer = timer;
  }

  @Override
  public EntityDdl read(EntityRequest request) {
    ClassFiles files = timer.time("entity hash", () -> request.classpath().classFiles());
    if (!files.complete()) {
      return reader.read(request);
    }
    String file = "hibernate-" + key(files, request) + ".bin";
    EntityDdl cached =
        directory.read(
            file,
            in ->
                new EntityDdl(
                    SchemaCodec.strings(in),
                    ModelCodec.provenance(in),
                    SchemaCodec.strings(in),
                    nullIfEmpty(SchemaCodec.strings(in)),
                    nullIfEmpty(SchemaCodec.strings(in))));
    if (cached != null) {
      return cached;
    }
    EntityDdl ddl = reader.read(request);
    timer.run(
        "cache write",
        () ->
            directory.write(
                file,
                out -> {
                  SchemaCodec.strings(out, ddl.statements());
                  ModelCodec.provenance(out, ddl.provenance());
                  SchemaCodec.strings(out, ddl.schemas());
                  SchemaCodec.strings(out, listOf(ddl.readBy()));
                  SchemaCodec.strings(out, listOf(ddl.notice()));
                }));
    return ddl;
  }

  private static List<String> listOf(String nullable) {
    return nullable == null ? List.of() : List.of(nullable);
  }

  private static String nullIfEmpty(List<String> strings) {
    return strings.isEmpty() ? null : strings.get(0);
  }

  private static String key(ClassFiles files, EntityRequest request) {
    return Digests.of(
        Stream.of(
                Stream.of(
                    RetortBuild.id()
                        + "|"
                        + request.postgresMajor()
                        + "|"
                        + request.packages()
                        + "|"
                        + request.schemas()
                        + "|"
                        + new TreeMap<>(request.hibernate())),
                files.classes().stream()
                    .map(file -> file.entry() + "|" + file.relativePath() + "|" + file.hash()),
                files.jars().stream().map(ClassFiles.Jar::identity))
            .flatMap(part -> part));
  }
}
