package dev.retort.compare;

import dev.retort.operation.CreateEnumType;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateSequence;
import dev.retort.operation.CreateTable;
import dev.retort.operation.DslOperations;
import dev.retort.operation.Operation;
import dev.retort.operation.OperationSink;
import dev.retort.schema.EnumType;
import dev.retort.schema.Index;
import dev.retort.schema.Schema;
import dev.retort.schema.Sequence;
import dev.retort.schema.Table;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds a schema model for tests with the migration DSL: create operations applied in memory. */
final class SchemaBuilder {

  private SchemaBuilder() {}

  static Schema schema(Consumer<DslOperations> creates) {
    Map<Object, Table> tables = new LinkedHashMap<>();
    List<Sequence> sequences = new ArrayList<>();
    List<EnumType> enums = new ArrayList<>();
    creates.accept(
        new DslOperations(
            new OperationSink() {
              @Override
              public void accept(Operation operation) {
                if (operation instanceof CreateTable) {
                  Table table = ((CreateTable) operation).table();
                  tables.put(table.name(), table);
                } else if (operation instanceof CreateIndex) {
                  CreateIndex create = (CreateIndex) operation;
                  Table table = tables.get(create.table());
                  List<Index> indexes = new ArrayList<>(table.indexes());
                  indexes.add(create.index());
                  tables.put(table.name(), table.withIndexes(indexes));
                } else if (operation instanceof CreateSequence) {
                  sequences.add(((CreateSequence) operation).sequence());
                } else if (operation instanceof CreateEnumType) {
                  CreateEnumType create = (CreateEnumType) operation;
                  enums.add(new EnumType(create.name(), create.values()));
                } else {
                  throw new IllegalArgumentException("SchemaBuilder only creates: " + operation);
                }
              }

              @Override
              public Connection connection() {
                throw new UnsupportedOperationException();
              }
            }));
    return new Schema(new ArrayList<>(tables.values()), sequences, enums, List.of());
  }
}
