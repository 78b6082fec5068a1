package dev.retort.workspace;

import dev.retort.cache.CachedCanonicalizer;
import dev.retort.cache.CachedCompiler;
import dev.retort.cache.CachedEntityReader;
import dev.retort.cache.CachedMavenDependencies;
import dev.retort.cache.IncrementalEntityScanner;
import dev.retort.cache.KeptCluster;
import dev.retort.cache.RememberingCatalogSource;
import dev.retort.canonical.Canonicalizer;
import dev.retort.canonical.ScratchCanonicalizer;
import dev.retort.canonical.SpellingCanonicalizer;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogScope;
import dev.retort.catalog.CatalogSource;
import dev.retort.compiler.Javac;
import dev.retort.compiler.SourceCompiler;
import dev.retort.config.DatabaseUrl;
import dev.retort.embedded.ClusterTemplate;
import dev.retort.embedded.ScratchServer;
import dev.retort.entity.ClassGraphScanner;
import dev.retort.entity.EntityReader;
import dev.retort.entity.EntityScanner;
import dev.retort.entity.HibernateEntityReader;
import dev.retort.entity.MavenDependencies;
import dev.retort.entity.MavenProcess;
import dev.retort.shadow.ShadowServers;
import dev.retort.timing.PhaseTimer;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The stages a run goes through, each either plain or wrapped in the cache that remembers its
 * results between runs. Caches are decorators and nothing else: without them Retort computes the
 * same results, only slower ({@code cache=off}).
 */
public final class Stages {

  private final Path cacheRoot;
  private final PhaseTimer timer;

  private Stages(Path cacheRoot, PhaseTimer timer) {
    this.cacheRoot = cacheRoot;
    this.timer = timer;
  }

  /** Stages with their caches, kept under {@code cacheRoot}. */
  public static Stages cached(Path cacheRoot, PhaseTimer timer) {
    return new Stages(cacheRoot, timer);
  }

  /** Plain stages: every result computed afresh. */
  public static Stages uncached(PhaseTimer timer) {
    return new Stages(null, timer);
  }

  /** Where the caches are kept, or null when there are none. */
  public Path cacheRoot() {
    return cacheRoot;
  }

  public boolean caching() {
    return cacheRoot != null;
  }

  public PhaseTimer timer() {
    return timer;
  }

  public SourceCompiler compiler() {
    return caching() ? new CachedCompiler(cacheRoot) : new Javac();
  }

  public MavenDependencies maven() {
    MavenProcess maven = new MavenProcess();
    return caching() ? new CachedMavenDependencies(maven, cacheRoot) : maven;
  }

  /** The scanner that tells annotated classes apart, without a cache (for a few class files). */
  public EntityScanner entityScanner() {
    return new ClassGraphScanner();
  }

  public EntityReader entityReader() {
    EntityScanner scanner = new ClassGraphScanner();
    if (!caching()) {
      return new HibernateEntityReader(scanner, timer);
    }
    return new CachedEntityReader(
        new HibernateEntityReader(new IncrementalEntityScanner(scanner, cacheRoot), timer),
        cacheRoot,
        timer);
  }

  /**
   * Where scratch servers come from: the embedded server (starting from the cluster kept in the
   * cache, when caching) or the {@code shadow.image} container.
   */
  public ScratchServer.Factory scratchServers(String shadowImage) {
    return ShadowServers.factory(shadowImage, timer, clusterTemplate());
  }

  /** Starts a scratch server now, untimed (callers that time it say which phase it is). */
  public ScratchServer startScratchServer(String shadowImage) {
    return ShadowServers.start(shadowImage, clusterTemplate());
  }

  /** The embedded server's initialized cluster, kept between runs when caching. */
  public ClusterTemplate clusterTemplate() {
    return caching() ? new KeptCluster(cacheRoot) : ClusterTemplate.NONE;
  }

  public CatalogSource catalog(CatalogScope scope) {
    CatalogSource reader = new CatalogReader(scope);
    return caching() ? new RememberingCatalogSource(reader, scope.toString(), cacheRoot) : reader;
  }

  /**
   * A catalog read that is not remembered: a fleet reads one catalog per tenant, each once, which
   * would only push the remembered ones out.
   */
  public CatalogSource freshCatalog(CatalogScope scope) {
    return new CatalogReader(scope);
  }

  /**
   * @param target the database to canonicalize on
   * @param replayed whether {@code target} is the database the migrations were replayed in, on the
   *     scratch server ({@code check} without a database), rather than the user's
   * @param shadowImage {@code shadow.image}: the scratch server's image, or null for the embedded
   *     one
   * @param postgresMajor the server's major version (canonical spellings may differ by version)
   */
  public Canonicalizer canonicalizer(
      DatabaseUrl target,
      boolean replayed,
      String shadowImage,
      CatalogScope scope,
      int postgresMajor,
      Consumer<String> warnings) {
    ScratchServer.Factory servers = scratchServers(shadowImage);
    ScratchCanonicalizer scratch =
        replayed
            ? ScratchCanonicalizer.onReplay(target, servers, scope, warnings, timer)
            : ScratchCanonicalizer.onDatabase(target, servers, scope, warnings, timer);
    // Another scratch image may spell things its own way (its version, its extensions).
    String key = postgresMajor + "|" + scope + (shadowImage == null ? "" : "|" + shadowImage);
    Canonicalizer spelling = new SpellingCanonicalizer(scratch, scope, timer);
    return caching() ? new CachedCanonicalizer(spelling, cacheRoot, key, timer) : spelling;
  }
}
