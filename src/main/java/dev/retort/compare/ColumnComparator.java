package dev.retort.compare;

import static dev.retort.postgres.Identifiers.quote;

import dev.retort.compare.ReviewFlag.Kind;
import dev.retort.operation.AddColumn;
import dev.retort.operation.AlterColumn;
import dev.retort.operation.Change;
import dev.retort.operation.ColumnChange;
import dev.retort.operation.DropColumn;
import dev.retort.operation.RenameColumn;
import dev.retort.schema.Column;
import dev.retort.schema.ColumnRef;
import dev.retort.schema.Identity;
import dev.retort.schema.QualifiedName;
import dev.retort.schema.Schema;
import dev.retort.schema.SequenceOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The columns of one table: added, dropped (or rename candidates), and altered attributes. */
final class ColumnComparator {

  private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.+)'::regclass\\)$");

  private final QualifiedName table;
  private final Schema live;

  /**
   * @param live the live schema (after renames), for the sequences serial columns own
   */
  ColumnComparator(QualifiedName table, Schema live) {
    this.table = table;
    this.live = live;
  }

  List<PlannedChange> compare(List<Column> from, List<Column> to) {
    List<PlannedChange> changes = new ArrayList<>();
    List<Column> added = new ArrayList<>();
    List<Column> dropped = new ArrayList<>();
    for (Merge.Pair<Column> pair : Merge.merge(from, to, Column::name)) {
      if (pair.onlyTo()) {
        added.add(pair.to());
      } else if (pair.onlyFrom()) {
        dropped.add(pair.from());
      } else {
        changes.addAll(altered(pair.from(), pair.to()));
      }
    }
    // New columns in the entities' order; dropped ones last first, so the downgrade, which re-adds
    // them in reverse, restores the table's column order.
    added.sort(Comparator.comparingInt(to::indexOf));
    dropped.sort(Comparator.comparingInt((Column c) -> from.indexOf(c)).reversed());
    List<Column> unpairedDrops = new ArrayList<>(dropped);
    for (Column column : added) {
      Column candidate =
          unpairedDrops.stream()
              .filter(d -> RenameRequests.sameShape(d, column))
              .findFirst()
              .orElse(null);
      List<ReviewFlag> flags = new ArrayList<>();
      if (candidate != null) {
        unpairedDrops.remove(candidate);
        flags.add(renameFlag(candidate, column));
      }
      flags.addAll(notNullFlags(column));
      changes.add(
          new PlannedChange(
              new AddColumn(table, column), "added column '" + where(column.name()) + "'", flags));
    }
    for (Column column : dropped) {
      List<ReviewFlag> flags = new ArrayList<>();
      flags.add(
          ReviewFlag.of(
              Kind.DATA_LOSS,
              "dropping "
                  + where(column.name())
                  + " deletes its data; the downgrade"
                  + " re-adds the column but not its values"));
      changes.add(
          new PlannedChange(
              new DropColumn(table, column.name(), column),
              "removed column '" + where(column.name()) + "'",
              flags));
    }
    return changes;
  }

  private ReviewFlag renameFlag(Column dropped, Column added) {
    return new ReviewFlag(
        Kind.RENAME,
        where(dropped.name())
            + " is dropped and "
            + where(added.name())
            + " added with the same type; if this is a"
            + " rename, replace this addColumn and the dropColumn below (or re-run with --rename "
            + table
            + "."
            + dropped.name()
            + "="
            + added.name()
            + ")",
        Alternative.run(new RenameColumn(table, dropped.name(), added.name())));
  }

  /** A column added NOT NULL without a default fails on a table that has rows. */
  private List<ReviewFlag> notNullFlags(Column column) {
    if (column.nullable()
        || column.defaultValue() != null
        || column.identity() != null
        || column.generated() != null) {
      return List.of();
    }
    return List.of(
        new ReviewFlag(
            Kind.NOT_NULL,
            where(column.name())
                + " is added NOT NULL without a default: this fails if "
                + table
                + " has rows."
                + " Give it a default, or add it nullable, backfill, then set NOT NULL",
            List.of(
                new Alternative.Run(new AddColumn(table, column.withNullable(true))),
                new Alternative.Backfill(table, column.name(), "<value>", null),
                new Alternative.Run(
                    new AlterColumn(
                        table,
                        column.name(),
                        ColumnChange.NONE.withNullable(Change.of(true, false)))))));
  }

  private List<PlannedChange> altered(Column from, Column to) {
    if (!Objects.equals(from.generated(), to.generated())) {
      // A generation expression cannot be altered in place on every supported version; the column
      // is derived, so recreating it loses nothing but its position.
      return List.of(
          new PlannedChange(
              new DropColumn(table, from.name(), from),
              "removed generated column '" + where(from.name()) + "'",
              List.of(
                  ReviewFlag.of(
                      Kind.TYPE,
                      "the generation of "
                          + where(from.name())
                          + " changes, so the column is"
                          + " dropped and added again"))),
          PlannedChange.of(
              new AddColumn(table, to), "added generated column '" + where(to.name()) + "'"));
    }
    List<String> what = new ArrayList<>();
    List<ReviewFlag> flags = new ArrayList<>();
    ColumnChange change = ColumnChange.NONE;
    boolean serial = isSerialStandingForIdentity(from, to);
    if (!TypeChanges.equivalent(from.type(), to.type())
        || !Objects.equals(from.collation(), to.collation())) {
      String using =
          TypeChanges.needsUsing(from.type(), to.type())
              ? TypeChanges.using(to.name(), from.type(), to.type())
              : null;
      String reverse =
          TypeChanges.needsUsing(to.type(), from.type())
              ? TypeChanges.using(to.name(), to.type(), from.type())
              : null;
      change = change.withType(Change.of(from.type(), to.type()), using, reverse);
      if (!Objects.equals(from.collation(), to.collation())) {
        change = change.withCollation(Change.of(from.collation(), to.collation()));
      }
      what.add(
          TypeChanges.equivalent(from.type(), to.type())
              ? "collation " + from.collation() + " -> " + to.collation()
              : "type " + from.type() + " -> " + to.type());
      TypeChanges.risk(from.type(), to.type())
          .ifPresent(
              risk ->
                  flags.add(
                      ReviewFlag.of(
                          Kind.TYPE,
                          where(to.name())
                              + " changes type from "
                              + from.type()
                              + " to "
                              + to.type()
                              + ": "
                              + risk)));
    }
    if (from.nullable() != to.nullable() && !(serial && !to.nullable())) {
      change = change.withNullable(Change.of(from.nullable(), to.nullable()));
      what.add(to.nullable() ? "nullable" : "NOT NULL");
      if (!to.nullable()) {
        flags.add(
            new ReviewFlag(
                Kind.NOT_NULL,
                where(to.name())
                    + " becomes NOT NULL: rows holding NULL make this fail; backfill them first",
                List.of(
                    new Alternative.Backfill(
                        table, to.name(), "<value>", quote(to.name()) + " IS NULL"))));
      }
    }
    if (!serial && !DefaultExpressions.equivalent(from.defaultValue(), to.defaultValue())) {
      change = change.withDefault(Change.of(from.defaultValue(), to.defaultValue()));
      what.add("server default " + show(from.defaultValue()) + " -> " + show(to.defaultValue()));
      flags.add(
          ReviewFlag.of(
              Kind.DEFAULT,
              "the server default of "
                  + where(to.name())
                  + " changes from "
                  + show(from.defaultValue())
                  + " to "
                  + show(to.defaultValue())
                  + "; existing rows keep their values"));
    }
    if (!serial && !Objects.equals(from.identity(), to.identity())) {
      change = change.withIdentity(Change.of(from.identity(), to.identity()));
      what.add(
          to.identity() == null
              ? "identity removed"
              : from.identity() == null ? "identity added" : "identity changed");
    }
    if (!Objects.equals(from.comment(), to.comment())) {
      change = change.withComment(Change.of(from.comment(), to.comment()));
      what.add("comment");
    }
    if (change.isEmpty()) {
      return List.of();
    }
    return List.of(
        new PlannedChange(
            new AlterColumn(table, to.name(), change),
            "changed column '" + where(to.name()) + "': " + String.join(", ", what),
            flags));
  }

  /**
   * A serial column (default nextval of a sequence it owns) does what an identity column with
   * default options does; Hibernate writes identities, older databases have serials. Not a change.
   */
  private boolean isSerialStandingForIdentity(Column from, Column to) {
    if (from.identity() != null
        || to.defaultValue() != null
        || !Objects.equals(to.identity(), new Identity(false, SequenceOptions.DEFAULTS))
        || from.defaultValue() == null) {
      return false;
    }
    Matcher matcher = NEXTVAL.matcher(from.defaultValue());
    if (!matcher.matches()) {
      return false;
    }
    String sequenceName = matcher.group(1).replace("\"", "");
    ColumnRef owner = new ColumnRef(table, from.name());
    return live.sequences().stream()
        .anyMatch(
            s ->
                owner.equals(s.ownedBy())
                    && (s.name().name().equals(sequenceName)
                        || s.name().toString().equals(sequenceName)));
  }

  private String where(String column) {
    return table + "." + column;
  }

  private static String show(String expression) {
    return expression == null ? "(none)" : expression;
  }
}
