package dev.retort.lint;

import dev.retort.operation.AddColumn;
import dev.retort.operation.AddConstraint;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.CreateTable;
import dev.retort.schema.Column;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Column types that age badly; they are cheap to choose right now and costly to change later. */
final class TypeHygieneRules {

  static final RuleInfo INT_KEY =
      new RuleInfo(
          "RT022",
          Severity.INFO,
          "integer key",
          "an integer (or smallint) key runs out at 2.1 billion; widening it later rewrites the"
              + " table and every table referencing it",
          "bigint (Long in the entity)");

  static final RuleInfo TIMESTAMP =
      new RuleInfo(
          "RT023",
          Severity.INFO,
          "timestamp without time zone",
          "the values carry no zone: their meaning depends on every client's time zone setting",
          "timestamp with time zone (Instant or OffsetDateTime in the entity)");

  static final RuleInfo JSON =
      new RuleInfo(
          "RT024",
          Severity.INFO,
          "json instead of jsonb",
          "json is stored as text: no indexing, no equality, reparsed on every access",
          "jsonb");

  static final RuleInfo CHAR =
      new RuleInfo(
          "RT025",
          Severity.INFO,
          "char(n)",
          "character(n) pads values with spaces, which then compare and measure surprisingly; it is"
              + " no faster than varchar",
          "text or varchar(n)");

  /** A column type this migration declares, where it declares it. */
  private record Declared(Step step, QualifiedName table, String column, SqlType type) {}

  private TypeHygieneRules() {}

  static List<LintRule> rules() {
    return List.of(
        new IntegerKeys(),
        typeRule(
            TIMESTAMP,
            t -> t.name().equals("timestamp without time zone"),
            "timestamp without time zone"),
        typeRule(JSON, t -> t.name().equals("json"), "json"),
        typeRule(CHAR, t -> t.name().equals("character"), "character(n)"));
  }

  private static LintRule typeRule(RuleInfo info, Predicate<SqlType> bad, String spelled) {
    return new LintRule() {
      @Override
      public RuleInfo info() {
        return info;
      }

      @Override
      public List<Finding> check(MigrationContext migration) {
        List<Finding> findings = new ArrayList<>();
        for (Declared declared : declared(migration)) {
          if (bad.test(declared.type())) {
            findings.add(
                migration.finding(
                    info,
                    declared.step().line(),
                    declared.table() + "." + declared.column() + " is " + spelled));
          }
        }
        return findings;
      }
    };
  }

  private static List<Declared> declared(MigrationContext migration) {
    List<Declared> all = new ArrayList<>();
    for (Step step : migration.steps()) {
      if (step.operation() instanceof CreateTable create) {
        for (Column column : create.table().columns()) {
          all.add(new Declared(step, create.table().name(), column.name(), column.type()));
        }
      } else if (step.operation() instanceof AddColumn add) {
        all.add(new Declared(step, add.table(), add.column().name(), add.column().type()));
      } else if (step.operation() instanceof AlterColumn alter && alter.change().type() != null) {
        all.add(new Declared(step, alter.table(), alter.column(), alter.change().type().to()));
      }
    }
    return all;
  }

  /** RT022: primary and foreign key columns this migration declares as integer or smallint. */
  private static final class IntegerKeys implements LintRule {
    @Override
    public RuleInfo info() {
      return INT_KEY;
    }

    @Override
    public List<Finding> check(MigrationContext migration) {
      List<Declared> declared = declared(migration);
      List<Finding> findings = new ArrayList<>();
      for (Step step : migration.steps()) {
        List<String> keyColumns = new ArrayList<>();
        QualifiedName table = null;
        if (step.operation() instanceof CreateTable create) {
          table = create.table().name();
          if (create.table().primaryKey() != null) {
            keyColumns.addAll(create.table().primaryKey().columns());
          }
          create.table().foreignKeys().forEach(key -> keyColumns.addAll(key.columns()));
        } else if (step.operation() instanceof AddConstraint add) {
          table = add.table();
          if (add.constraint() instanceof PrimaryKey key) {
            keyColumns.addAll(key.columns());
          } else if (add.constraint() instanceof ForeignKey key) {
            keyColumns.addAll(key.columns());
          }
        }
        for (String column : keyColumns.stream().distinct().toList()) {
          QualifiedName owner = table;
          declared.stream()
              .filter(d -> MigrationContext.same(d.table(), owner) && d.column().equals(column))
              .filter(d -> d.type().name().equals("integer") || d.type().name().equals("smallint"))
              .filter(d -> d.type().arrayDimensions() == 0)
              .findFirst()
              .ifPresent(
                  d ->
                      findings.add(
                          migration.finding(
                              INT_KEY,
                              step.line(),
                              "key column "
                                  + owner
                                  + "."
                                  + column
                                  + " is "
                                  + d.type().name()
                                  + ", not bigint")));
        }
      }
      return findings;
    }
  }
}
