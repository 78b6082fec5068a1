package dev.retort.cache;

import dev.retort.catalog.CatalogReadException;
import dev.retort.catalog.CatalogReader;
import dev.retort.catalog.CatalogSource;
import dev.retort.digest.Digests;
import dev.retort.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * Remembers what a catalog read returned, by the catalog's fingerprint (one cheap query): when it
 * matches an earlier read's, that read's model is returned without crawling again.
 */
public final class RememberingCatalogSource implements CatalogSource {

  private final CatalogSource source;
  private final String scope;
  private final CacheDirectory directory;

  /**
   * @param scope what is read, as a string (part of the key)
   */
  public RememberingCatalogSource(CatalogSource source, String scope, Path cacheRoot) {
    this.source = source;
    this.scope = scope;
    this.directory = new CacheDirectory(cacheRoot.resolve("catalogs"), 4);
  }

  @Override
  public Schema read(Connection connection) {
    String file;
    try {
      file =
          "live-"
              + Digests.of(
                  Stream.of(
                      RetortBuild.id(),
                      String.valueOf(connection.getMetaData().getDatabaseMajorVersion()),
                      scope,
                      CatalogReader.fingerprint(connection)))
              + ".bin";
    } catch (SQLException e) {
      throw new CatalogReadException("cannot read the catalog: " + e.getMessage(), e);
    }
    Schema remembered = directory.read(file, SchemaCodec::schema);
    if (remembered != null) {
      return remembered;
    }
    Schema schema = source.read(connection);
    directory.write(file, out -> SchemaCodec.schema(out, schema));
    return schema;
  }
}
