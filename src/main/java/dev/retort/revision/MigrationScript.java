package dev.retort.revision;

import dev.retort.migration.Migration;
import dev.retort.schema.OrdinalOrder;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One migration as the revision graph sees it.
 *
 * @param source where it came from, for messages (a file path or a class name)
 * @param ordinalOrders what ORDINAL enum columns mean from this revision on ({@code @OrdinalEnum})
 * @param replaces for a squash, the revisions it stands for, parents first (empty otherwise)
 * @param factory creates the migration instance; not part of equality
 */
public record MigrationScript(
    String id,
    List<String> parents,
    String message,
    String created,
    String source,
    List<OrdinalOrder> ordinalOrders,
    List<String> replaces,
    Supplier<Migration> factory) {

  public MigrationScript {
    Objects.requireNonNull(id, "id");
    parents = List.copyOf(parents);
    message = message == null ? "" : message;
    created = created == null ? "" : created;
    ordinalOrders = ordinalOrders == null ? List.of() : List.copyOf(ordinalOrders);
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
  }

  /** A script without code, for graph tests and tools that only read the graph. */
  public static MigrationScript of(String id, String... parents) {
    return new MigrationScript(id, List.of(parents), "", "", id, List.of(), List.of(), null);
  }

  /** A squash without code that stands for {@code replaces}, for graph tests. */
  public static MigrationScript squashOf(String id, List<String> replaces, String... parents) {
    return new MigrationScript(id, List.of(parents), "", "", id, List.of(), replaces, null);
  }

  public boolean isSquash() {
    return !replaces.isEmpty();
  }

  /** A copy that revises {@code value} instead: a child of a replaced revision, re-pointed. */
  MigrationScript withParents(List<String> value) {
    return new MigrationScript(
        id, value, message, created, source, ordinalOrders, replaces, factory);
  }

  public boolean isMerge() {
    return parents.size() > 1;
  }

  public Migration newMigration() {
    return factory.get();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MigrationScript
        && ((MigrationScript) other).id.equals(id)
        && ((MigrationScript) other).parents.equals(parents);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
