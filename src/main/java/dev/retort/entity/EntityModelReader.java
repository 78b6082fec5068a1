package dev.retort.entity;

import dev.retort.cache.CacheDirectory;
import dev.retort.catalog.CatalogScope;
import dev.retort.config.DatabaseUrl;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.runtime.Connections;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.Table;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the entity side: find the entities, build Hibernate's model without a database, take the
 * DDL Hibernate would run, and have PostgreSQL canonicalize it, on the target database when one is
 * configured and lets us create scratch schemas, else on the embedded server.
 *
 * <p>Only what changed since the last run is computed again: unchanged entity classes skip
 * Hibernate, and a table whose DDL statements are unchanged skips PostgreSQL (see {@link
 * ModelCache}).
 */
public final class EntityModelReader {

  /** What the reader needs from the configuration. */
  public record Settings(
      EntityClasspath classpath,
      List<String> packages,
      Map<String, String> hibernate,
      CatalogScope scope,
      Path cacheRoot) {}

  private final Settings settings;
  private final Consumer<String> warnings;
  private final PhaseTimer timer;
  private final ModelCache cache;

  public EntityModelReader(Settings settings, Consumer<String> warnings, PhaseTimer timer) {
    this.settings = settings;
    this.warnings = warnings;
    this.timer = timer;
    this.cache = settings.cacheRoot() == null ? null : new ModelCache(settings.cacheRoot());
  }

  /**
   * A built but not yet canonicalized model: Hibernate's DDL, the provenance, the server major, and
   * the canonical forms earlier runs computed (read on another thread while Hibernate works).
   */
  public record Prepared(
      List<String> ddl,
      EntityProvenance provenance,
      ScratchSchemas scratch,
      int postgresMajor,
      CompletableFuture<Map<String, Object>> known) {}

  /** The Hibernate half, which needs no database (so it can run while the live catalog is read). */
  public Prepared prepare(int postgresMajor) {
    return prepare(postgresMajor, new ScratchSchemas(settings.scope().realSchemas()));
  }

  /** Like {@link #prepare(int)}, with the given schema redirection. */
  public Prepared prepare(int postgresMajor, ScratchSchemas scratch) {
    ClassFiles files = timer.time("entity hash", () -> ClassFiles.read(settings.classpath()));
    // A class file that could not be read could change unseen: nothing keyed by the files is used.
    ModelCache classCache = files.complete() ? cache : null;
    String key =
        classCache == null
            ? null
            : ModelCache.classesKey(
                files, settings.packages(), settings.hibernate(), postgresMajor);
    CompletableFuture<Map<String, Object>> known =
        cache == null
            ? CompletableFuture.completedFuture(new HashMap<>())
            : CompletableFuture.supplyAsync(
                () -> timer.time("cache read", () -> cache.canonical(context(postgresMajor))));
    ModelCache.HibernateEntry cached = key == null ? null : classCache.hibernate(key);
    if (cached != null) {
      cached.realSchemas().forEach(scratch::scratchFor);
      warnAboutOtherSchemas(scratch);
      List<String> ddl = cached.ddl().stream().map(scratch::restore).toList();
      return new Prepared(ddl, cached.provenance(), scratch, postgresMajor, known);
    }
    URLClassLoader loader = settings.classpath().classLoader();
    List<String> classes = timer.time("scan", () -> scan(files, loader, classCache));
    String defaultSchema = settings.scope().realSchemas().get(0);
    HibernateModel.Result result =
        timer.time(
            "hibernate",
            () ->
                HibernateModel.build(
                    loader,
                    classes,
                    settings.hibernate(),
                    postgresMajor,
                    scratch,
                    physical -> {
                      String real = scratch.realFor(physical);
                      return real.equals(defaultSchema) ? null : real;
                    },
                    timer));
    warnAboutOtherSchemas(scratch);
    if (key != null) {
      timer.run(
          "cache write",
          () ->
              classCache.putHibernate(
                  key,
                  new ModelCache.HibernateEntry(
                      result.ddl().stream().map(scratch::normalize).toList(),
                      result.provenance(),
                      scratch.realSchemas())));
    }
    return new Prepared(result.ddl(), result.provenance(), scratch, postgresMajor, known);
  }

  private List<String> scan(ClassFiles files, ClassLoader loader, ModelCache classCache) {
    Map<String, List<EntityScanner.Found>> known =
        classCache == null ? Map.of() : classCache.scans(settings.packages());
    EntityScanner.Units units =
        EntityScanner.scan(settings.classpath(), settings.packages(), files, known, loader);
    if (classCache != null && units.reusable()) {
      classCache.putScans(settings.packages(), units);
    }
    return units.classNames(settings.classpath(), settings.packages());
  }

  /** What canonical forms depend on besides the statements: Retort, the server, the scope. */
  private String context(int postgresMajor) {
    return CacheDirectory.hash(
        Stream.of(
            dev.retort.RetortBuild.id(),
            String.valueOf(postgresMajor),
            settings.scope().toString()));
  }

  private void warnAboutOtherSchemas(ScratchSchemas scratch) {
    List<String> all = scratch.realSchemas();
    List<String> others = all.subList(settings.scope().realSchemas().size(), all.size());
    if (!others.isEmpty()) {
      warnings.accept(
          "entities use schema(s) "
              + String.join(", ", others)
              + " that are not in 'schemas'; their tables are not compared (add them to schemas to include them)");
    }
  }

  /**
   * Canonicalizes through {@code target}, or through the embedded server when there is no target or
   * the target refuses scratch schemas. Tables whose statements were canonicalized before come from
   * the cache; only the others go through PostgreSQL.
   */
  public EntityModel canonicalize(Prepared prepared, DatabaseUrl target) {
    DdlStatements statements = DdlStatements.of(prepared.ddl());
    ScratchSchemas scratch = prepared.scratch();
    String context = context(prepared.postgresMajor());
    Map<String, Object> known = prepared.known().join();
    Map<String, String> hashes = new LinkedHashMap<>();
    statements
        .byTable()
        .forEach(
            (table, group) ->
                hashes.put(
                    table, "table:" + CacheDirectory.hash(group.stream().map(scratch::normalize))));
    String sharedHash =
        "shared:" + CacheDirectory.hash(statements.shared().stream().map(scratch::normalize));

    Set<String> missing = new LinkedHashSet<>();
    hashes.forEach(
        (table, hash) -> {
          if (!(known.get(hash) instanceof Table)
              && !(known.get(hash) instanceof ModelCache.Absent)) {
            missing.add(table);
          }
        });
    Map<String, Object> used = new HashMap<>();
    List<Table> tables = new ArrayList<>();
    ModelCache.SharedEntry shared =
        known.get(sharedHash) instanceof ModelCache.SharedEntry
            ? (ModelCache.SharedEntry) known.get(sharedHash)
            : null;
    if (!missing.isEmpty() || shared == null) {
      Schema fresh = run(statements.subset(missing), prepared, target);
      for (String table : missing) {
        Table canonical = fresh.table(modelName(table, scratch)).orElse(null);
        if (canonical != null) {
          tables.add(canonical);
        }
        used.put(hashes.get(table), canonical != null ? canonical : ModelCache.ABSENT);
      }
      shared = new ModelCache.SharedEntry(fresh.enumTypes(), fresh.sequences());
    }
    for (Map.Entry<String, String> entry : hashes.entrySet()) {
      if (!missing.contains(entry.getKey())) {
        Object canonical = known.get(entry.getValue());
        if (canonical instanceof Table) {
          tables.add((Table) canonical);
        }
        used.put(entry.getValue(), canonical);
      }
    }
    used.put(sharedHash, shared);
    if (cache != null) {
      timer.run("canonicalize/cache write", () -> cache.putCanonical(context, used));
    }
    List<Table> compared =
        tables.stream().filter(t -> !settings.scope().isIgnored(t.name())).toList();
    Schema schema = new Schema(compared, shared.sequences(), shared.enumTypes(), List.of());
    return new EntityModel(
        ScratchCanonicalizer.withJavaEnumTypes(schema, prepared.provenance()),
        prepared.provenance(),
        prepared.ddl());
  }

  /** The model name of a table group: its scratch schema stands for a real one. */
  private QualifiedName modelName(String table, ScratchSchemas scratch) {
    int dot = table.indexOf('.');
    if (dot < 0) {
      return QualifiedName.of(table);
    }
    String real = scratch.realFor(table.substring(0, dot));
    return new QualifiedName(
        real.equals(settings.scope().realSchemas().get(0)) ? null : real, table.substring(dot + 1));
  }

  private Schema run(List<String> ddl, Prepared prepared, DatabaseUrl target) {
    if (target != null) {
      // A connection of its own: DDL ran twice as slowly on the one that had read the live catalog.
      try (Connection connection = Connections.open(target)) {
        return canonicalizeOn(connection, ddl, prepared);
      } catch (ScratchCanonicalizer.NoPrivilege e) {
        warnings.accept(
            "no privilege to create a scratch schema in "
                + target.display()
                + " ("
                + e.getMessage().split("\\R")[0]
                + "); canonicalizing the entity model on the embedded PostgreSQL instead");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    try (EmbeddedServer server = timer.time("embedded start", EmbeddedServer::start);
        Connection connection = Connections.open(server.url("postgres"))) {
      return canonicalizeOn(connection, ddl, prepared);
    } catch (ScratchCanonicalizer.NoPrivilege e) {
      throw new IllegalStateException("the embedded server refused a scratch schema", e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Schema canonicalizeOn(Connection connection, List<String> ddl, Prepared prepared)
      throws ScratchCanonicalizer.NoPrivilege {
    return ScratchCanonicalizer.canonicalize(
        connection, ddl, prepared.scratch(), settings.scope(), prepared.provenance(), timer);
  }
}
