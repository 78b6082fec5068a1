package dev.retort.reverse;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * What to reverse-engineer and where to write it.
 *
 * @param schemas the schemas to read; the first is the default one, whose tables are written
 *     without a schema
 * @param keepTable whether a table (schema, name) is written: the configuration's include and
 *     exclude patterns, Retort's own bookkeeping tables left out
 * @param templates a directory holding Retort's templates, which override Hibernate Tools' own
 * @param outputDirectory an empty directory to write the sources to
 */
public record GenerationRequest(
    String jdbcUrl,
    String user,
    String password,
    List<String> schemas,
    String packageName,
    BiPredicate<String, String> keepTable,
    Path templates,
    Path outputDirectory) {

  public GenerationRequest {
    schemas = List.copyOf(schemas);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "GenerationRequest[" + jdbcUrl + ", user " + user + ", " + schemas + "]";
  }
}
