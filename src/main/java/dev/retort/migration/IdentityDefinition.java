package dev.retort.migration;

import java.util.Objects;

/** An identity column: {@code identity()} or {@code identityAlways()}, with sequence options. */
public final class IdentityDefinition {

  private final boolean always;
  private final SequenceSettings options;

  IdentityDefinition(boolean always, SequenceSettings options) {
    this.always = always;
    this.options = Objects.requireNonNull(options, "options");
  }

  public IdentityDefinition withOptions(SequenceSettings value) {
    return new IdentityDefinition(always, value);
  }

  /** {@code GENERATED ALWAYS}, rather than {@code BY DEFAULT}. */
  public boolean always() {
    return always;
  }

  public SequenceSettings options() {
    return options;
  }
}
