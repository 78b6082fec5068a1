package dev.retort.schema;

/**
 * An identity column ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}). The sequence options hold
 * only what differs from PostgreSQL's defaults for the column type, so a reader and a DSL call that
 * mean the same identity compare equal.
 */
public record Identity(boolean always, SequenceOptions options) {

  public static Identity generatedByDefault() {
    return new Identity(false, SequenceOptions.DEFAULTS);
  }

  public static Identity generatedAlways() {
    return new Identity(true, SequenceOptions.DEFAULTS);
  }

  public Identity withOptions(SequenceOptions newOptions) {
    return new Identity(always, newOptions);
  }
}
