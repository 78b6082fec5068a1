package dev.retort.migration;

/**
 * What {@code alterColumn} changes, built from {@code change()}: {@code
 * change().type(bigint()).using("amount::bigint").notNull()}. Only what is named changes.
 */
public final class ColumnAlteration {

  /** One attribute: whether it changes, to what, and from what when that is stated. */
  private record Step<T>(boolean changes, T to, boolean fromStated, T from) {
    static <T> Step<T> none() {
      return new Step<>(false, null, false, null);
    }

    static <T> Step<T> to(T value) {
      return new Step<>(true, value, false, null);
    }

    static <T> Step<T> between(T from, T to) {
      return new Step<>(true, to, true, from);
    }
  }

  static final ColumnAlteration NONE =
      new ColumnAlteration(
          Step.none(), null, Step.none(), Step.none(), Step.none(), Step.none(), Step.none());

  private final Step<ColumnType> type;
  private final String using;
  private final Step<Boolean> nullable;
  private final Step<String> defaultValue;
  private final Step<IdentityDefinition> identity;
  private final Step<String> collation;
  private final Step<String> comment;

  private ColumnAlteration(
      Step<ColumnType> type,
      String using,
      Step<Boolean> nullable,
      Step<String> defaultValue,
      Step<IdentityDefinition> identity,
      Step<String> collation,
      Step<String> comment) {
    this.type = type;
    this.using = using;
    this.nullable = nullable;
    this.defaultValue = defaultValue;
    this.identity = identity;
    this.collation = collation;
    this.comment = comment;
  }

  public ColumnAlteration type(ColumnType value) {
    return new ColumnAlteration(
        Step.to(value), using, nullable, defaultValue, identity, collation, comment);
  }

  /** The {@code USING} expression converting existing values to the new type. */
  public ColumnAlteration using(String expression) {
    return new ColumnAlteration(
        type, expression, nullable, defaultValue, identity, collation, comment);
  }

  public ColumnAlteration notNull() {
    return new ColumnAlteration(
        type, using, Step.to(false), defaultValue, identity, collation, comment);
  }

  public ColumnAlteration dropNotNull() {
    return new ColumnAlteration(
        type, using, Step.to(true), defaultValue, identity, collation, comment);
  }

  /** Sets the server default to an SQL expression. */
  public ColumnAlteration defaultValue(String expression) {
    return new ColumnAlteration(
        type, using, nullable, Step.to(expression), identity, collation, comment);
  }

  public ColumnAlteration dropDefault() {
    return new ColumnAlteration(type, using, nullable, Step.to(null), identity, collation, comment);
  }

  /** Makes the column an identity column (it was not one). */
  public ColumnAlteration addIdentity(IdentityDefinition value) {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, Step.between(null, value), collation, comment);
  }

  /**
   * Changes an identity column from {@code previous} to {@code next} in place ({@code SET
   * GENERATED}, {@code SET INCREMENT BY}...), keeping its sequence's position.
   */
  public ColumnAlteration identity(IdentityDefinition previous, IdentityDefinition next) {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, Step.between(previous, next), collation, comment);
  }

  /**
   * Makes the column an identity column whatever it was before; an existing identity is dropped and
   * recreated, which restarts its sequence. Prefer {@link #identity(IdentityDefinition,
   * IdentityDefinition)}.
   */
  public ColumnAlteration identity(IdentityDefinition value) {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, Step.to(value), collation, comment);
  }

  public ColumnAlteration dropIdentity() {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, Step.to(null), collation, comment);
  }

  /** A new collation; PostgreSQL changes it with the type, so name the type too. */
  public ColumnAlteration collation(String value) {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, identity, Step.to(value), comment);
  }

  /** Sets the column comment; null removes it. */
  public ColumnAlteration comment(String value) {
    return new ColumnAlteration(
        type, using, nullable, defaultValue, identity, collation, Step.to(value));
  }

  public boolean changesType() {
    return type.changes();
  }

  public ColumnType newType() {
    return type.to();
  }

  public String usingExpression() {
    return using;
  }

  public boolean changesNullability() {
    return nullable.changes();
  }

  /** The new nullability, when it changes. */
  public boolean nullable() {
    return Boolean.TRUE.equals(nullable.to());
  }

  public boolean changesDefault() {
    return defaultValue.changes();
  }

  /** The new default, null to drop it. */
  public String newDefault() {
    return defaultValue.to();
  }

  public boolean changesIdentity() {
    return identity.changes();
  }

  /** The new identity, null to drop it. */
  public IdentityDefinition newIdentity() {
    return identity.to();
  }

  /**
   * Whether the identity before the change was stated ({@code addIdentity}, {@code identity(a,
   * b)}).
   */
  public boolean statesPreviousIdentity() {
    return identity.fromStated();
  }

  public IdentityDefinition previousIdentity() {
    return identity.from();
  }

  public boolean changesCollation() {
    return collation.changes();
  }

  public String newCollation() {
    return collation.to();
  }

  public boolean changesComment() {
    return comment.changes();
  }

  public String newComment() {
    return comment.to();
  }

  /** Whether nothing is named to change. */
  public boolean isEmpty() {
    return !type.changes()
        && using == null
        && !nullable.changes()
        && !defaultValue.changes()
        && !identity.changes()
        && !collation.changes()
        && !comment.changes();
  }
}
