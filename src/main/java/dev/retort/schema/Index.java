package dev.retort.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index that is not the implementation of a constraint (those belong to the constraint).
 *
 * @param method the access method; {@code btree} is the default
 * @param where the partial-index predicate, or null
 */
public record Index(
    String name,
    List<IndexKey> keys,
    boolean unique,
    String method,
    List<String> include,
    String where,
    boolean nullsNotDistinct) {

  public Index {
    Objects.requireNonNull(name, "name");
    keys = List.copyOf(keys);
    include = List.copyOf(include);
    method = method == null ? "btree" : method;
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no keys");
    }
  }

  public static Index on(String name, List<IndexKey> keys) {
    return new Index(name, keys, false, "btree", List.of(), null, false);
  }

  public Index withName(String value) {
    return new Index(value, keys, unique, method, include, where, nullsNotDistinct);
  }

  public Index asUnique() {
    return new Index(name, keys, true, method, include, where, nullsNotDistinct);
  }

  public Index using(String value) {
    return new Index(name, keys, unique, value, include, where, nullsNotDistinct);
  }

  public Index including(List<String> columns) {
    return new Index(name, keys, unique, method, columns, where, nullsNotDistinct);
  }

  public Index where(String predicate) {
    return new Index(name, keys, unique, method, include, predicate, nullsNotDistinct);
  }

  public Index withNullsNotDistinct() {
    return new Index(name, keys, unique, method, include, where, true);
  }
}
