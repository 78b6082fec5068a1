package dev.retort.lint;

import java.util.Locale;

/** How much a finding matters; {@code --fail-on} names the lowest severity that fails a run. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  /** The word in text and JSON output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** SARIF 2.1.0 calls an informational result a {@code note}. */
  public String sarifLevel() {
    return sarifLevel;
  }

  /** Whether a finding of this severity fails a run whose threshold is {@code failOn}. */
  public boolean reaches(Severity failOn) {
    return failOn != null && ordinal() <= failOn.ordinal();
  }

  /** {@code error}, {@code warning}, {@code info}, or {@code none} (null: nothing fails). */
  public static Severity failOn(String value) {
    String word = value.trim().toLowerCase(Locale.ROOT);
    if (word.equals("none")) {
      return null;
    }
    for (Severity severity : values()) {
      if (severity.word().equals(word)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "'" + value + "' is not a severity: use error, warning, info or none");
  }
}
