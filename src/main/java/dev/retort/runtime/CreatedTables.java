package dev.retort.runtime;

import dev.retort.migration.Migration;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.revision.Direction;
import dev.retort.schema.QualifiedName;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** The tables a migration's upgrade creates, read without running it. */
final class CreatedTables {

  private CreatedTables() {}

  static List<QualifiedName> of(Migration migration) {
    List<QualifiedName> tables = new ArrayList<>();
    OperationSink recorder =
        new OperationSink() {
          @Override
          public void accept(Operation operation) {
            if (operation instanceof CreateTable create) {
              tables.add(create.table().name());
            }
          }

          @Override
          public Connection connection() {
            throw new IllegalStateException("a data migration: read no further");
          }
        };
    try {
      MigrationRunner.runMigration(migration, Direction.UPGRADE, new DslOperations(recorder));
    } catch (RuntimeException e) {
      // The steps read so far are what can be known without a database.
    }
    return tables;
  }
}
