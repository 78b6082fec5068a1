package dev.retort.postgres;

import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;
import static dev.retort.postgres.Literals.string;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.Column;
import dev.retort.schema.Constraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Identity;
import dev.retort.schema.Index;
import dev.retort.schema.IndexKey;
import dev.retort.schema.PrimaryKey;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.ReferentialAction;
import dev.retort.schema.SequenceOptions;
import dev.retort.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The pieces of DDL that several statements share: column definitions, constraints, keys. */
final class DdlFragments {

  private DdlFragments() {}

  static String columnList(List<String> columns) {
    return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
  }

  static String columnDefinition(Column column) {
    StringBuilder sql =
        new StringBuilder(quote(column.name())).append(' ').append(TypeNames.sql(column.type()));
    if (column.collation() != null) {
      sql.append(" COLLATE ").append(quote(column.collation()));
    }
    if (column.generated() != null) {
      sql.append(" GENERATED ALWAYS AS (").append(column.generated()).append(") STORED");
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(column.defaultValue());
    }
    if (column.identity() != null) {
      sql.append(' ').append(identityClause(column.identity()));
    }
    if (!column.nullable()) {
      sql.append(" NOT NULL");
    }
    return sql.toString();
  }

  static String identityClause(Identity identity) {
    String clause = "GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY";
    String options = sequenceOptions(identity.options(), false);
    return options.isEmpty() ? clause : clause + " (" + options + ")";
  }

  /**
   * Sequence options as written in CREATE SEQUENCE and identity clauses. With {@code resetDefaults}
   * (ALTER SEQUENCE), options at their default are reset explicitly.
   */
  static String sequenceOptions(SequenceOptions options, boolean resetDefaults) {
    List<String> parts = new ArrayList<>();
    if (options.increment() != null) {
      parts.add("INCREMENT BY " + options.increment());
    } else if (resetDefaults) {
      parts.add("INCREMENT BY 1");
    }
    if (options.minValue() != null) {
      parts.add("MINVALUE " + options.minValue());
    } else if (resetDefaults) {
      parts.add("NO MINVALUE");
    }
    if (options.maxValue() != null) {
      parts.add("MAXVALUE " + options.maxValue());
    } else if (resetDefaults) {
      parts.add("NO MAXVALUE");
    }
    if (options.start() != null) {
      parts.add("START WITH " + options.start());
    } else if (resetDefaults) {
      // The default start is the minimum for an ascending sequence, the maximum for a descending.
      boolean ascending = options.increment() == null || options.increment() > 0;
      Long bound = ascending ? options.minValue() : options.maxValue();
      parts.add("START WITH " + (bound != null ? bound : ascending ? 1 : -1));
    }
    if (options.cache() != null) {
      parts.add("CACHE " + options.cache());
    } else if (resetDefaults) {
      parts.add("CACHE 1");
    }
    if (options.cycle()) {
      parts.add("CYCLE");
    } else if (resetDefaults) {
      parts.add("NO CYCLE");
    }
    return String.join(" ", parts);
  }

  static String constraintDefinition(Constraint constraint) {
    String prefix = constraint.name() == null ? "" : "CONSTRAINT " + quote(constraint.name()) + " ";
    return prefix + constraintBody(constraint);
  }

  private static String constraintBody(Constraint constraint) {
    if (constraint instanceof PrimaryKey) {
      return "PRIMARY KEY (" + columnList(((PrimaryKey) constraint).columns()) + ")";
    }
    if (constraint instanceof UniqueConstraint) {
      UniqueConstraint unique = (UniqueConstraint) constraint;
      return "UNIQUE "
          + (unique.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "")
          + "("
          + columnList(unique.columns())
          + ")";
    }
    if (constraint instanceof CheckConstraint) {
      return "CHECK (" + ((CheckConstraint) constraint).expression() + ")";
    }
    return foreignKeyBody((ForeignKey) constraint);
  }

  private static String foreignKeyBody(ForeignKey fk) {
    StringBuilder sql =
        new StringBuilder("FOREIGN KEY (")
            .append(columnList(fk.columns()))
            .append(") REFERENCES ")
            .append(qualified(fk.target()))
            .append(" (")
            .append(columnList(fk.targetColumns()))
            .append(')');
    if (fk.onDelete() != ReferentialAction.NO_ACTION) {
      sql.append(" ON DELETE ").append(fk.onDelete().sql());
    }
    if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
      sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
    }
    if (fk.deferrable()) {
      sql.append(" DEFERRABLE");
      if (fk.initiallyDeferred()) {
        sql.append(" INITIALLY DEFERRED");
      }
    }
    return sql.toString();
  }

  static String createIndex(QualifiedName table, Index index, boolean concurrently) {
    StringBuilder sql = new StringBuilder("CREATE ");
    if (index.unique()) {
      sql.append("UNIQUE ");
    }
    sql.append("INDEX ");
    if (concurrently) {
      sql.append("CONCURRENTLY ");
    }
    sql.append(quote(index.name())).append(" ON ").append(qualified(table));
    if (!"btree".equals(index.method())) {
      sql.append(" USING ").append(index.method());
    }
    sql.append(" (")
        .append(index.keys().stream().map(DdlFragments::indexKey).collect(Collectors.joining(", ")))
        .append(')');
    if (!index.include().isEmpty()) {
      sql.append(" INCLUDE (").append(columnList(index.include())).append(')');
    }
    if (index.nullsNotDistinct()) {
      sql.append(" NULLS NOT DISTINCT");
    }
    if (index.where() != null) {
      sql.append(" WHERE ").append(index.where());
    }
    return sql.toString();
  }

  private static String indexKey(IndexKey key) {
    StringBuilder sql =
        new StringBuilder(
            key.column() != null ? quote(key.column()) : "(" + key.expression() + ")");
    if (key.opclass() != null) {
      sql.append(' ').append(key.opclass());
    }
    if (key.descending()) {
      sql.append(" DESC");
    }
    if (key.nullsFirst() != null) {
      sql.append(key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
    }
    return sql.toString();
  }

  static String alterTable(QualifiedName table) {
    return "ALTER TABLE " + qualified(table) + " ";
  }

  static String tableComment(QualifiedName table, String comment) {
    return "COMMENT ON TABLE " + qualified(table) + " IS " + string(comment);
  }

  static String columnComment(QualifiedName table, String column, String comment) {
    return "COMMENT ON COLUMN " + qualified(table) + "." + quote(column) + " IS " + string(comment);
  }
}
