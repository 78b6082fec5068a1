package dev.retort.operation;

import dev.retort.schema.Identity;
import dev.retort.schema.SqlType;

/**
 * What an {@link AlterColumn} changes; a null component is left as it is. Built fluently in
 * migrations: {@code change().type(bigint()).notNull()}.
 *
 * @param using the {@code USING} expression for a type change, or null for an implicit cast
 * @param reverseUsing the {@code USING} expression that undoes the type change, or null
 */
public record ColumnChange(
    Change<SqlType> type,
    String using,
    String reverseUsing,
    Change<Boolean> nullable,
    Change<String> defaultValue,
    Change<Identity> identity,
    Change<String> collation,
    Change<String> comment) {

  public static final ColumnChange NONE =
      new ColumnChange(null, null, null, null, null, null, null, null);

  public ColumnChange type(SqlType newType) {
    return withType(Change.to(newType), using, reverseUsing);
  }

  public ColumnChange using(String expression) {
    return withType(type, expression, reverseUsing);
  }

  public ColumnChange withType(Change<SqlType> value, String newUsing, String newReverseUsing) {
    return new ColumnChange(
        value, newUsing, newReverseUsing, nullable, defaultValue, identity, collation, comment);
  }

  public ColumnChange notNull() {
    return withNullable(Change.to(false));
  }

  public ColumnChange dropNotNull() {
    return withNullable(Change.to(true));
  }

  public ColumnChange withNullable(Change<Boolean> value) {
    return new ColumnChange(
        type, using, reverseUsing, value, defaultValue, identity, collation, comment);
  }

  /** Sets the server default to an SQL expression. */
  public ColumnChange defaultValue(String expression) {
    return withDefault(Change.to(expression));
  }

  public ColumnChange dropDefault() {
    return withDefault(Change.to(null));
  }

  public ColumnChange withDefault(Change<String> value) {
    return new ColumnChange(
        type, using, reverseUsing, nullable, value, identity, collation, comment);
  }

  /** Makes the column an identity column (it was not one). */
  public ColumnChange addIdentity(Identity value) {
    return withIdentity(Change.of(null, value));
  }

  /**
   * Changes an identity column from {@code previous} to {@code next} in place ({@code SET
   * GENERATED}, {@code SET INCREMENT BY}...), keeping its sequence's position.
   */
  public ColumnChange identity(Identity previous, Identity next) {
    return withIdentity(Change.of(previous, next));
  }

  /**
   * Makes the column an identity column whatever it was before; an existing identity is dropped and
   * recreated, which restarts its sequence. Prefer {@link #identity(Identity, Identity)}.
   */
  public ColumnChange identity(Identity value) {
    return withIdentity(Change.to(value));
  }

  public ColumnChange dropIdentity() {
    return withIdentity(Change.to(null));
  }

  public ColumnChange withIdentity(Change<Identity> value) {
    return new ColumnChange(
        type, using, reverseUsing, nullable, defaultValue, value, collation, comment);
  }

  public ColumnChange collation(String value) {
    return withCollation(Change.to(value));
  }

  public ColumnChange withCollation(Change<String> value) {
    return new ColumnChange(
        type, using, reverseUsing, nullable, defaultValue, identity, value, comment);
  }

  public ColumnChange comment(String value) {
    return withComment(Change.to(value));
  }

  public ColumnChange withComment(Change<String> value) {
    return new ColumnChange(
        type, using, reverseUsing, nullable, defaultValue, identity, collation, value);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The change that undoes this one; fails when a previous value is unknown. */
  public ColumnChange reverse() {
    return new ColumnChange(
        type == null ? null : type.reverse(),
        type == null ? null : reverseUsing,
        type == null ? null : using,
        nullable == null ? null : nullable.reverse(),
        defaultValue == null ? null : defaultValue.reverse(),
        identity == null ? null : identity.reverse(),
        collation == null ? null : collation.reverse(),
        comment == null ? null : comment.reverse());
  }

  /** True when every changed attribute records its previous value. */
  public boolean isReversible() {
    return known(type)
        && known(nullable)
        && known(defaultValue)
        && known(identity)
        && known(collation)
        && known(comment);
  }

  private static boolean known(Change<?> change) {
    return change == null || change.fromKnown();
  }
}
