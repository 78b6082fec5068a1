package dev.retort.lint;

import dev.retort.operation.AddConstraint;
import dev.retort.operation.CreateIndex;
import dev.retort.operation.CreateTable;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * RT021: a foreign key whose columns do not lead any index of their table. Lint reads one migration
 * at a time without a database, so it knows only the indexes, primary keys and unique constraints
 * this migration creates (before or after the key): an index made by an earlier migration is not
 * seen, and such a finding is suppressed with that reason.
 */
final class ForeignKeyIndexRule implements LintRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "RT021",
          Severity.WARNING,
          "foreign key columns without an index",
          "each delete or key update in the referenced table scans the referencing table, holding"
              + " locks meanwhile; joins on the key scan too",
          "create an index (CONCURRENTLY on an existing table) whose leading columns are the"
              + " foreign key's");

  private record Key(Step step, QualifiedName table, ForeignKey key) {}

  private record Leading(QualifiedName table, List<String> columns) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(MigrationContext migration) {
    List<Key> keys = new ArrayList<>();
    List<Leading> indexes = new ArrayList<>();
    for (Step step : migration.steps()) {
      if (step.operation() instanceof CreateTable create) {
        QualifiedName table = create.table().name();
        create.table().foreignKeys().forEach(key -> keys.add(new Key(step, table, key)));
        if (create.table().primaryKey() != null) {
          indexes.add(new Leading(table, create.table().primaryKey().columns()));
        }
        create
            .table()
            .uniqueConstraints()
            .forEach(u -> indexes.add(new Leading(table, u.columns())));
      } else if (step.operation() instanceof AddConstraint add) {
        if (add.constraint() instanceof ForeignKey key) {
          keys.add(new Key(step, add.table(), key));
        } else if (add.constraint() instanceof PrimaryKey key) {
          indexes.add(new Leading(add.table(), key.columns()));
        } else if (add.constraint() instanceof UniqueConstraint unique) {
          indexes.add(new Leading(add.table(), unique.columns()));
        }
      } else if (step.operation() instanceof CreateIndex create) {
        List<String> columns = new ArrayList<>();
        for (IndexKey key : create.index().keys()) {
          if (key.column() == null) {
            break; // an expression: the leading columns end here
          }
          columns.add(key.column());
        }
        indexes.add(new Leading(create.table(), columns));
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Key key : keys) {
      boolean covered =
          indexes.stream()
              .anyMatch(
                  index ->
                      MigrationContext.same(index.table(), key.table())
                          && leads(index.columns(), key.key().columns()));
      if (!covered) {
        findings.add(
            migration.finding(
                INFO,
                key.step().line(),
                "foreign key "
                    + key.table()
                    + " "
                    + key.key().columns()
                    + " -> "
                    + key.key().target()
                    + " has no index on "
                    + key.key().columns()
                    + " in this migration"));
      }
    }
    return findings;
  }

  /** Whether the key's columns, in any order, are the index's first columns. */
  private static boolean leads(List<String> indexColumns, List<String> keyColumns) {
    return indexColumns.size() >= keyColumns.size()
        && new HashSet<>(indexColumns.subList(0, keyColumns.size()))
            .equals(new HashSet<>(keyColumns));
  }
}
