package dev.retort.migration;

import java.sql.Connection;
import java.util.List;

/**
 * What a migration can do. Names are plain, unquoted identifiers (Retort quotes them); they refer
 * to the default schema unless the call is made through {@link #inSchema(String)}; a foreign key's
 * target is in the default schema unless named with {@code table(schema, name)}. Build columns,
 * types, constraints and indexes with the static factories of {@link Dsl}.
 */
public interface Operations {

  /** The same operations, with unqualified names taken to be in {@code schema}. */
  Operations inSchema(String schema);

  // Schemas

  void createSchema(String name);

  void dropSchema(String name);

  // Tables

  /** Creates a table from columns and constraints ({@code primaryKey}, {@code foreignKey}, ...). */
  void createTable(String table, TableElement... elements);

  void dropTable(String table);

  void renameTable(String table, String newName);

  /** Sets the table comment; null removes it. */
  void setTableComment(String table, String comment);

  // Columns

  void addColumn(String table, ColumnDefinition column);

  void dropColumn(String table, String column);

  void renameColumn(String table, String column, String newName);

  /** Alters a column: {@code change().type(bigint()).using("amount::bigint").notNull()}. */
  void alterColumn(String table, String column, ColumnAlteration change);

  /** Sets the column comment; null removes it. */
  void setColumnComment(String table, String column, String comment);

  // Indexes

  void createIndex(String table, IndexDefinition index);

  /**
   * {@code CREATE INDEX CONCURRENTLY}; the migration must not be {@link Migration#transactional()}.
   */
  void createIndexConcurrently(String table, IndexDefinition index);

  void dropIndex(String index);

  void dropIndexConcurrently(String index);

  // Constraints

  /** Adds a primary key, foreign key, unique or check constraint. */
  void addConstraint(String table, ConstraintDefinition constraint);

  /** Adds a foreign key or check constraint without checking existing rows. */
  void addConstraintNotValid(String table, ConstraintDefinition constraint);

  void validateConstraint(String table, String name);

  /**
   * Makes the unique index {@code index} the unique constraint {@code name}: a brief change, where
   * {@link #addConstraint} would build the index while writes wait. Build the index first with
   * {@link #createIndexConcurrently}.
   */
  void addUniqueUsingIndex(String table, String name, String index);

  /**
   * Makes the unique index {@code index} the primary key {@code name}; see {@link
   * #addUniqueUsingIndex}.
   */
  void addPrimaryKeyUsingIndex(String table, String name, String index);

  void dropConstraint(String table, String name);

  /** Renames a constraint; its definition (and a unique or primary key's index) stay. */
  void renameConstraint(String table, String name, String newName);

  /** Renames an index without rebuilding it. */
  void renameIndex(String index, String newName);

  // Enum types

  void createEnumType(String name, String... values);

  void dropEnumType(String name);

  /** Adds a value at the end of the enum type's values. */
  void addEnumValue(String type, String value);

  void addEnumValueBefore(String type, String value, String before);

  void addEnumValueAfter(String type, String value, String after);

  void renameEnumValue(String type, String value, String newValue);

  /**
   * Replaces an enum type's values when PostgreSQL cannot change them in place (a value removed, or
   * the order changed): the type is recreated and each listed column converted through text. A row
   * holding a removed value makes the migration fail.
   */
  void replaceEnumType(String type, List<String> values, EnumColumn... columns);

  // Sequences

  void createSequence(String name, SequenceSettings options);

  /** A sequence of type {@code smallint} or {@code integer} (the default is bigint). */
  void createSequence(String name, String dataType, SequenceSettings options);

  /** Sets the given options; an option left at its default in {@code options} is reset. */
  void alterSequence(String name, SequenceSettings options);

  void dropSequence(String name);

  /**
   * Makes a sequence go with a column ({@code OWNED BY table.column}), as a serial column's does;
   * {@code null} table and column make it stand alone again ({@code OWNED BY NONE}).
   */
  void setSequenceOwner(String sequence, String table, String column);

  // Data and anything else

  /**
   * A decision left open: what only a person can decide, where the answer goes. A migration holding
   * one is refused by {@code upgrade} before any statement runs; replace the call with the steps it
   * asks for.
   */
  void decide(String question);

  /** Runs SQL as written. */
  void execute(String sql);

  /**
   * Sets {@code column} to the SQL expression {@code value} on the rows where it is null, 10,000
   * rows at a time; in a migration that is not {@link Migration#transactional()} each batch commits
   * on its own, so writers are never held up for the whole table.
   */
  void backfill(String table, String column, String value);

  /** {@link #backfill(String, String, String)} with another batch size. */
  void backfill(String table, String column, String value, int batchSize);

  /** Inserts rows: {@code rows("role", "permission").add("admin", "users.read")}. */
  void bulkInsert(String table, Rows rows);

  /**
   * The JDBC connection the migration runs on, inside its transaction, for data migrations. Not
   * available with {@code --sql}: there is no database then, and the call fails with an error.
   */
  Connection connection();

  /** Marks a step that cannot be undone: running it fails with the reason. */
  void irreversible(String reason);
}
