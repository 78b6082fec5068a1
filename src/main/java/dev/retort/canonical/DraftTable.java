package dev.retort.canonical;

import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as its DDL statements describe it, before PostgreSQL's spelling: types and expressions as
 * Hibernate wrote them, constraint names null where PostgreSQL would choose them. {@link
 * SpellingCanonicalizer} turns it into a {@link dev.retort.schema.Table}.
 *
 * @param key the table's group key in {@link DdlStatements} (folded, schema-qualified when the
 *     statement qualified it)
 */
record DraftTable(
    String key,
    String name,
    List<DraftColumn> columns,
    DraftPrimaryKey primaryKey,
    List<DraftCheck> checks,
    List<UniqueConstraint> uniques,
    List<DraftForeignKey> foreignKeys,
    List<Index> indexes,
    String comment) {

  /**
   * @param type the type as written
   * @param defaultExpression the default as written, or null
   */
  record DraftColumn(
      String name,
      String type,
      String defaultExpression,
      Identity identity,
      boolean notNull,
      String comment) {

    DraftColumn withComment(String value) {
      return new DraftColumn(name, type, defaultExpression, identity, notNull, value);
    }

    DraftColumn asNotNull() {
      return new DraftColumn(name, type, defaultExpression, identity, true, comment);
    }
  }

  /**
   * @param name null when PostgreSQL names it
   */
  record DraftPrimaryKey(String name, List<String> columns) {}

  /**
   * @param name null when PostgreSQL names it
   * @param expression as written
   */
  record DraftCheck(String name, String expression) {}

  /**
   * @param targetColumns empty when the target's primary key is meant
   */
  record DraftForeignKey(
      String name,
      List<String> columns,
      String target,
      List<String> targetColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate) {}

  /** A mutable collector the parser fills statement by statement. */
  static final class Builder {
    final String key;
    final String name;
    final List<DraftColumn> columns = new ArrayList<>();
    DraftPrimaryKey primaryKey;
    final List<DraftCheck> checks = new ArrayList<>();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<DraftForeignKey> foreignKeys = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    String comment;

    Builder(String key, String name) {
      this.key = key;
      this.name = name;
    }

    int columnIndex(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(column)) {
          return i;
        }
      }
      return -1;
    }

    DraftTable build() {
      return new DraftTable(
          key,
          name,
          List.copyOf(columns),
          primaryKey,
          List.copyOf(checks),
          List.copyOf(uniques),
          List.copyOf(foreignKeys),
          List.copyOf(indexes),
          comment);
    }
  }
}
