package dev.retort.reverse;

import java.util.List;

/**
 * Writes JPA entity sources for a live database's tables. Implemented by Hibernate Tools' reverse
 * engineering in {@code dev.retort.reverse.tools}, which runs in a class loader of its own ({@link
 * HibernateToolsRuntime}): this interface and {@link GenerationRequest} are all it shares with
 * Retort, so they use JDK types only.
 */
public interface EntitySourceGenerator {

  /** The implementation, loaded by name in the Hibernate Tools class loader. */
  String IMPLEMENTATION = "dev.retort.reverse.tools.HibernateToolsGenerator";

  /** The version of Hibernate Tools that generates, for {@code -v}. */
  String toolsVersion();

  /**
   * Writes one source file per table (and one per PostgreSQL enum type the tables use) under the
   * request's output directory.
   *
   * @return the files written, relative to the output directory, sorted
   */
  List<String> generate(GenerationRequest request);
}
