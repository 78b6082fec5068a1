package dev.retort.compare;

import dev.retort.schema.CheckConstraint;
import dev.retort.schema.ForeignKey;
import dev.retort.schema.Index;
import dev.retort.schema.UniqueConstraint;
import java.util.Comparator;

/**
 * What makes two keys, constraints or indexes the same thing whatever their names (Hibernate hashes
 * foreign key and index names; PostgreSQL names unnamed constraints itself): an order over every
 * attribute but the name. Two are the same when the order ranks them equal, which is when the
 * records differ in name only; the order also makes every comparison's output sorted.
 */
final class Shapes {

  private Shapes() {}

  static final Comparator<ForeignKey> FOREIGN_KEYS =
      Comparator.comparing((ForeignKey fk) -> String.join(",", fk.columns()))
          .thenComparing(fk -> fk.target().toString())
          .thenComparing(fk -> String.join(",", fk.targetColumns()))
          .thenComparing(fk -> fk.onDelete().name())
          .thenComparing(fk -> fk.onUpdate().name())
          .thenComparing(ForeignKey::deferrable)
          .thenComparing(ForeignKey::initiallyDeferred);

  static final Comparator<UniqueConstraint> UNIQUES =
      Comparator.comparing((UniqueConstraint u) -> String.join(",", u.columns()))
          .thenComparing(UniqueConstraint::nullsNotDistinct);

  static final Comparator<CheckConstraint> CHECKS =
      Comparator.comparing(CheckConstraint::expression);

  static final Comparator<Index> INDEXES =
      Comparator.comparing((Index i) -> i.keys().toString())
          .thenComparing(Index::unique)
          .thenComparing(Index::method)
          .thenComparing(i -> i.include().toString())
          .thenComparing(i -> String.valueOf(i.where()))
          .thenComparing(Index::nullsNotDistinct);
}
