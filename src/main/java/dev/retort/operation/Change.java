package dev.retort.operation;

/**
 * One attribute's change in an {@link AlterColumn}. {@code to == null} removes the attribute (drop
 * the default, drop the identity). {@code fromKnown} is false when a hand-written migration states
 * only the new value; such a change cannot be reversed automatically.
 */
public record Change<T>(T from, T to, boolean fromKnown) {

  public static <T> Change<T> of(T from, T to) {
    return new Change<>(from, to, true);
  }

  public static <T> Change<T> to(T to) {
    return new Change<>(null, to, false);
  }

  public Change<T> reverse() {
    if (!fromKnown) {
      throw new IllegalStateException("the previous value is unknown");
    }
    return new Change<>(to, from, true);
  }
}
