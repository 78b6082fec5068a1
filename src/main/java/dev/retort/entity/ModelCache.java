package dev.retort.entity;

import dev.retort.RetortBuild;
import dev.retort.cache.CacheDirectory;
import dev.retort.schema.EnumType;
import dev.retort.schema.SchemaCodec;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the entity side computed on earlier runs, so that only what changed is computed again:
 * Hibernate's DDL and provenance, keyed by the compiled entity classes; and each table's canonical
 * form, keyed by that table's own DDL statements.
 */
final class ModelCache {

  /** Hibernate's output for one set of entity classes; schema tokens normalized. */
  record HibernateEntry(List<String> ddl, EntityProvenance provenance, List<String> realSchemas) {}

  /** A table the comparison does not read (excluded, or in a schema outside the scope). */
  record Absent() {}

  static final Absent ABSENT = new Absent();

  /** Enum types and sequences as canonicalized from the shared statements. */
  record SharedEntry(List<EnumType> enumTypes, List<Sequence> sequences) {}

  private static final byte TABLE = 0;
  private static final byte ABSENT_TABLE = 1;
  private static final byte SHARED = 2;

  private final CacheDirectory directory;

  ModelCache(Path cacheRoot) {
    this.directory = new CacheDirectory(cacheRoot.resolve("models"), 8);
  }

  HibernateEntry hibernate(String key) {
    return directory.read(
        "hibernate-" + key + ".bin",
        in ->
            new HibernateEntry(
                SchemaCodec.strings(in), ModelCodec.provenance(in), SchemaCodec.strings(in)));
  }

  void putHibernate(String key, HibernateEntry entry) {
    directory.write(
        "hibernate-" + key + ".bin",
        out -> {
          SchemaCodec.strings(out, entry.ddl());
          ModelCodec.provenance(out, entry.provenance());
          SchemaCodec.strings(out, entry.realSchemas());
        });
  }

  /**
   * What earlier scans found per class file and jar (see {@link EntityScanner}), for these
   * packages.
   */
  Map<String, List<EntityScanner.Found>> scans(List<String> packages) {
    Map<String, List<EntityScanner.Found>> units =
        directory.read(
            scanFile(packages),
            in -> {
              Map<String, List<EntityScanner.Found>> read = new HashMap<>();
              for (int count = in.readInt(); count > 0; count--) {
                String unit = SchemaCodec.string(in);
                List<EntityScanner.Found> found = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                  found.add(new EntityScanner.Found(SchemaCodec.string(in), in.readBoolean()));
                }
                read.put(unit, found);
              }
              return read;
            });
    return units == null ? Map.of() : units;
  }

  void putScans(List<String> packages, EntityScanner.Units units) {
    directory.write(
        scanFile(packages),
        out -> {
          out.writeInt(units.found().size());
          for (Map.Entry<String, List<EntityScanner.Found>> unit :
              new TreeMap<>(units.found()).entrySet()) {
            SchemaCodec.string(out, unit.getKey());
            out.writeInt(unit.getValue().size());
            for (EntityScanner.Found found : unit.getValue()) {
              SchemaCodec.string(out, found.name());
              out.writeBoolean(found.entity());
            }
          }
        });
  }

  private static String scanFile(List<String> packages) {
    return "scan-"
        + CacheDirectory.hash(Stream.concat(Stream.of(RetortBuild.id()), packages.stream()))
        + ".bin";
  }

  /**
   * Canonical tables ({@link Table} or {@link #ABSENT}) and shared objects ({@link SharedEntry})
   * computed in one context (server, scope), by the hash of the statements that made them.
   */
  Map<String, Object> canonical(String context) {
    Map<String, Object> entries =
        directory.read("canonical-" + context + ".bin", ModelCache::readCanonical);
    return entries == null ? new HashMap<>() : entries;
  }

  private static Map<String, Object> readCanonical(DataInputStream in) throws IOException {
    Map<String, Object> entries = new HashMap<>();
    for (int count = in.readInt(); count > 0; count--) {
      String key = SchemaCodec.string(in);
      byte kind = in.readByte();
      if (kind == TABLE) {
        entries.put(key, SchemaCodec.table(in));
      } else if (kind == ABSENT_TABLE) {
        entries.put(key, ABSENT);
      } else {
        List<EnumType> types = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
          types.add(SchemaCodec.enumType(in));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
          sequences.add(SchemaCodec.sequence(in));
        }
        entries.put(key, new SharedEntry(types, sequences));
      }
    }
    return entries;
  }

  void putCanonical(String context, Map<String, Object> entries) {
    directory.write(
        "canonical-" + context + ".bin",
        out -> {
          out.writeInt(entries.size());
          for (Map.Entry<String, Object> entry : new TreeMap<>(entries).entrySet()) {
            SchemaCodec.string(out, entry.getKey());
            if (entry.getValue() instanceof Table) {
              out.writeByte(TABLE);
              SchemaCodec.table(out, (Table) entry.getValue());
            } else if (entry.getValue() instanceof Absent) {
              out.writeByte(ABSENT_TABLE);
            } else {
              SharedEntry shared = (SharedEntry) entry.getValue();
              out.writeByte(SHARED);
              out.writeInt(shared.enumTypes().size());
              for (EnumType type : shared.enumTypes()) {
                SchemaCodec.enumType(out, type);
              }
              out.writeInt(shared.sequences().size());
              for (Sequence sequence : shared.sequences()) {
                SchemaCodec.sequence(out, sequence);
              }
            }
          }
        });
  }

  /**
   * The key of a set of entity classes: every class file of the classpath's directories, every
   * jar's identity, the settings, the server version and Retort's own build.
   */
  static String classesKey(
      ClassFiles files, List<String> packages, Map<String, String> settings, int major) {
    return CacheDirectory.hash(
        Stream.of(
                Stream.of(
                    RetortBuild.id()
                        + "|"
                        + major
                        + "|"
                        + packages
                        + "|"
                        + new TreeMap<>(settings)),
                files.classes().stream()
                    .map(file -> file.entry() + "|" + file.relativePath() + "|" + file.hash()),
                files.jars().stream().map(ClassFiles.Jar::identity))
            .flatMap(part -> part));
  }
}
