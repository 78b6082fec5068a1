package dev.retort.migration;

import java.util.List;
import java.util.Objects;

/**
 * An index: {@code index("users_email_idx", "email")}, optionally {@code .asUnique()}, {@code
 * .using("gin")}, {@code .including(List.of(...))}, {@code .where("deleted_at IS NULL")}, {@code
 * .withNullsNotDistinct()}.
 */
public final class IndexDefinition {

  private final String name;
  private final List<IndexKeyDefinition> keys;
  private final boolean unique;
  private final String method;
  private final List<String> include;
  private final String where;
  private final boolean nullsNotDistinct;

  IndexDefinition(String name, List<IndexKeyDefinition> keys) {
    this(name, keys, false, "btree", List.of(), null, false);
  }

  private IndexDefinition(
      String name,
      List<IndexKeyDefinition> keys,
      boolean unique,
      String method,
      List<String> include,
      String where,
      boolean nullsNotDistinct) {
    this.name = Objects.requireNonNull(name, "name");
    this.keys = List.copyOf(keys);
    if (this.keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no keys");
    }
    this.unique = unique;
    this.method = Objects.requireNonNull(method, "method");
    this.include = List.copyOf(include);
    this.where = where;
    this.nullsNotDistinct = nullsNotDistinct;
  }

  public IndexDefinition asUnique() {
    return new IndexDefinition(name, keys, true, method, include, where, nullsNotDistinct);
  }

  /** The access method: {@code btree} (the default), {@code gin}, {@code gist}, ... */
  public IndexDefinition using(String value) {
    return new IndexDefinition(name, keys, unique, value, include, where, nullsNotDistinct);
  }

  public IndexDefinition including(List<String> columns) {
    return new IndexDefinition(name, keys, unique, method, columns, where, nullsNotDistinct);
  }

  /** A partial index: only rows matching the SQL predicate. */
  public IndexDefinition where(String predicate) {
    return new IndexDefinition(name, keys, unique, method, include, predicate, nullsNotDistinct);
  }

  public IndexDefinition withNullsNotDistinct() {
    return new IndexDefinition(name, keys, unique, method, include, where, true);
  }

  public String name() {
    return name;
  }

  public List<IndexKeyDefinition> keys() {
    return keys;
  }

  public boolean unique() {
    return unique;
  }

  public String method() {
    return method;
  }

  public List<String> include() {
    return include;
  }

  public String where() {
    return where;
  }

  public boolean nullsNotDistinct() {
    return nullsNotDistinct;
  }
}
