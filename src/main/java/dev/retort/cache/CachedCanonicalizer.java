package dev.retort.cache;

import dev.retort.canonical.Canonicalizer;
import dev.retort.canonical.DdlStatements;
import dev.retort.digest.Digests;
import dev.retort.schema.EntityDdl;
import dev.retort.schema.EnumType;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import dev.retort.timing.PhaseTimer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Remembers each table's canonical form by the DDL statements that make it (its create table,
 * comments, indexes and foreign keys; see {@link DdlStatements}), and the enum types and sequences
 * by the shared statements: only tables whose statements changed go through PostgreSQL again. The
 * forms earlier runs computed are read on another thread from the moment this is made, so the read
 * overlaps Hibernate's work.
 */
public final class CachedCanonicalizer implements Canonicalizer {

  /** Enum types and sequences as canonicalized from the shared statements. */
  private record Shared(List<EnumType> enumTypes, List<Sequence> sequences) {}

  /**
   * Canonical forms by the hash of the statements that made them: a table (empty when the
   * comparison does not read it: excluded, or in a schema outside the scope), or the shared
   * objects.
   */
  private record Forms(Map<String, Optional<Table>> tables, Map<String, Shared> shared) {
    static final Forms NONE = new Forms(Map.of(), Map.of());
  }

  private final Canonicalizer canonicalizer;
  private final CacheDirectory directory;
  private final String file;
  private final PhaseTimer timer;
  private final CompletableFuture<Forms> known;

  /**
   * @param context what canonical forms depend on besides the statements (the server's version and
   *     the scope they were read with), as a string; part of the cache file's name
   */
  public CachedCanonicalizer(
      Canonicalizer canonicalizer, Path cacheRoot, String context, PhaseTimer timer) {
    this.canonicalizer = canonicalizer;
    this.directory = new CacheDirectory(cacheRoot.resolve("models"), 8);
    this.file = "canonical-" + Digests.of(Stream.of(RetortBuild.id(), context)) + ".bin";
    this.timer = timer;
    this.known =
        CompletableFuture.supplyAsync(
            () -> timer.time("cache read", () -> directory.read(file, CachedCanonicalizer::read)));
  }

  @Override
  public Schema canonicalize(EntityDdl ddl) {
    DdlStatements statements = DdlStatements.of(ddl.statements());
    Map<String, String> hashes = new LinkedHashMap<>();
    timer.run(
        "canonicalize/keys",
        () ->
            statements
                .byTable()
                .forEach((table, group) -> hashes.put(table, Digests.of(group.stream()))));
    String sharedHash = Digests.of(statements.shared().stream());
    Forms earlier = Objects.requireNonNullElse(known.join(), Forms.NONE);

    Set<String> missing = new LinkedHashSet<>();
    hashes.forEach(
        (table, hash) -> {
          if (!earlier.tables().containsKey(hash)) {
            missing.add(table);
          }
        });
    Map<String, Optional<Table>> tables = new TreeMap<>();
    Shared shared = earlier.shared().get(sharedHash);
    if (!missing.isEmpty() || shared == null) {
      Schema fresh =
          canonicalizer.canonicalize(
              new EntityDdl(statements.subset(missing), ddl.provenance(), ddl.schemas()));
      for (String table : missing) {
        tables.put(hashes.get(table), fresh.table(DdlStatements.modelName(table, ddl.schemas())));
      }
      shared = new Shared(fresh.enumTypes(), fresh.sequences());
    }
    for (String hash : hashes.values()) {
      tables.putIfAbsent(hash, earlier.tables().get(hash));
    }
    Forms used = new Forms(tables, Map.of(sharedHash, shared));
    timer.run("canonicalize/cache write", () -> directory.write(file, out -> write(out, used)));
    List<Table> model = new ArrayList<>();
    for (String hash : hashes.values()) {
      tables.get(hash).ifPresent(model::add);
    }
    return new Schema(model, shared.sequences(), shared.enumTypes(), List.of());
  }

  private static Forms read(DataInputStream in) throws IOException {
    Map<String, Optional<Table>> tables = new HashMap<>();
    for (int count = in.readInt(); count > 0; count--) {
      String key = SchemaCodec.string(in);
      tables.put(key, in.readBoolean() ? Optional.of(SchemaCodec.table(in)) : Optional.empty());
    }
    Map<String, Shared> shared = new HashMap<>();
    for (int count = in.readInt(); count > 0; count--) {
      String key = SchemaCodec.string(in);
      List<EnumType> types = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        types.add(SchemaCodec.enumType(in));
      }
      List<Sequence> sequences = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        sequences.add(SchemaCodec.sequence(in));
      }
      shared.put(key, new Shared(types, sequences));
    }
    return new Forms(tables, shared);
  }

  private static void write(DataOutputStream out, Forms forms) throws IOException {
    out.writeInt(forms.tables().size());
    for (Map.Entry<String, Optional<Table>> entry : new TreeMap<>(forms.tables()).entrySet()) {
      SchemaCodec.string(out, entry.getKey());
      out.writeBoolean(entry.getValue().isPresent());
      if (entry.getValue().isPresent()) {
        SchemaCodec.table(out, entry.getValue().get());
      }
    }
    out.writeInt(forms.shared().size());
    for (Map.Entry<String, Shared> entry : new TreeMap<>(forms.shared()).entrySet()) {
      SchemaCodec.string(out, entry.getKey());
      out.writeInt(entry.getValue().enumTypes().size());
      for (EnumType type : entry.getValue().enumTypes()) {
        SchemaCodec.enumType(out, type);
      }
      out.writeInt(entry.getValue().sequences().size());
      for (Sequence sequence : entry.getValue().sequences()) {
        SchemaCodec.sequence(out, sequence);
      }
    }
  }
}
