package dev.retort.compare;

import java.util.List;

/**
 * Something a machine must not decide alone, shown in the console summary and as a {@code //
 * REVIEW(kind)} comment right above the operation in the generated class.
 *
 * @param message what the reviewer must know, as one sentence or a few
 * @param alternative the steps offered instead (a rename, a backfill), or empty
 */
public record ReviewFlag(Kind kind, String message, List<Alternative> alternative) {

  public enum Kind {
    RENAME("rename"),
    DATA_LOSS("data-loss"),
    NOT_NULL("not-null"),
    ENUM("enum"),
    DEFAULT("default"),
    TYPE("type"),
    NOT_COMPARED("not-compared"),
    LOCK("lock");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ReviewFlag {
    alternative = List.copyOf(alternative);
  }

  public static ReviewFlag of(Kind kind, String message) {
    return new ReviewFlag(kind, message, List.of());
  }
}
