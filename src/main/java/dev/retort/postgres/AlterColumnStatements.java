package dev.retort.postgres;

import static dev.retort.postgres.DdlFragments.alterTable;
import static dev.retort.postgres.DdlFragments.columnComment;
import static dev.retort.postgres.DdlFragments.identityClause;
import static dev.retort.postgres.DdlFragments.sequenceOptions;
import static dev.retort.postgres.Identifiers.qualified;
import static dev.retort.postgres.Identifiers.quote;
import static dev.retort.postgres.Literals.string;

import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.SequenceOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a column change, in the order PostgreSQL needs them: a default that cannot
 * survive a type change goes first and comes back after; an identity is added, changed in place, or
 * dropped and recreated.
 */
final class AlterColumnStatements {

  private AlterColumnStatements() {}

  static List<String> of(AlterColumn op) {
    ColumnChange change = op.change();
    String alter = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
    List<String> statements = new ArrayList<>();
    boolean retype = change.type() != null || change.collation() != null;
    // A default that no longer fits the new type would make the type change fail, so a default
    // that changes together with the type is dropped first and set afterwards.
    boolean defaultChanges = change.defaultValue() != null;
    if (retype && defaultChanges) {
      statements.add(alter + "DROP DEFAULT");
    }
    if (retype) {
      statements.add(alter + typeClause(change));
    }
    if (change.nullable() != null) {
      statements.add(alter + (change.nullable().to() ? "DROP NOT NULL" : "SET NOT NULL"));
    }
    if (defaultChanges) {
      String to = change.defaultValue().to();
      if (to != null) {
        statements.add(alter + "SET DEFAULT " + to);
      } else if (!retype) {
        statements.add(alter + "DROP DEFAULT");
      }
    }
    if (change.identity() != null) {
      statements.addAll(identityStatements(alter, change.identity()));
      if (change.identity().to() != null
          && (change.identity().from() == null || !change.identity().fromKnown())) {
        statements.add(identityPastExistingRows(op.table(), op.column()));
      }
    }
    if (change.comment() != null) {
      statements.add(columnComment(op.table(), op.column(), change.comment().to()));
    }
    return statements;
  }

  private static String typeClause(ColumnChange change) {
    if (change.type() == null) {
      throw new IllegalArgumentException(
          "a collation change needs the column type too: change().type(...).collation(...)");
    }
    StringBuilder sql = new StringBuilder("TYPE ").append(TypeNames.sql(change.type().to()));
    if (change.collation() != null && change.collation().to() != null) {
      sql.append(" COLLATE ").append(quote(change.collation().to()));
    }
    if (change.using() != null) {
      sql.append(" USING ").append(change.using());
    }
    return sql.toString();
  }

  /**
   * A new identity's sequence starts at its start value; on a table with rows that collides with
   * the existing keys, so it is moved past the largest one (no-op on an empty table).
   */
  private static String identityPastExistingRows(QualifiedName table, String column) {
    String name = quote(column);
    return "SELECT setval(pg_get_serial_sequence("
        + string(qualified(table))
        + ", "
        + string(column)
        + "), "
        + "(SELECT coalesce(max("
        + name
        + "), 0) + 1 FROM "
        + qualified(table)
        + "), false)"
        + " WHERE EXISTS (SELECT 1 FROM "
        + qualified(table)
        + ")";
  }

  private static List<String> identityStatements(String alter, Change<Identity> change) {
    Identity to = change.to();
    Identity from = change.from();
    if (to == null) {
      return List.of(alter + "DROP IDENTITY IF EXISTS");
    }
    if (!change.fromKnown()) {
      return List.of(alter + "DROP IDENTITY IF EXISTS", alter + "ADD " + identityClause(to));
    }
    if (from == null) {
      return List.of(alter + "ADD " + identityClause(to));
    }
    List<String> statements = new ArrayList<>();
    if (from.always() != to.always()) {
      statements.add(alter + "SET GENERATED " + (to.always() ? "ALWAYS" : "BY DEFAULT"));
    }
    if (!from.options().equals(to.options())) {
      statements.add(alter + identityOptionChanges(to.options()));
    }
    return statements;
  }

  private static String identityOptionChanges(SequenceOptions options) {
    // The identity form of ALTER takes each option as "SET <option>".
    return sequenceOptions(options, true)
        .replaceAll(
            "(INCREMENT BY|NO MINVALUE|MINVALUE|NO MAXVALUE|MAXVALUE|START WITH|CACHE|NO CYCLE|(?<!NO )CYCLE)",
            "SET $1");
  }
}
