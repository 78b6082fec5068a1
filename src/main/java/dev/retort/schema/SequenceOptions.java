package dev.retort.schema;

/**
 * Sequence parameters. {@code null} means "PostgreSQL's default", which depends on the data type
 * and the sign of the increment; readers store {@code null} whenever the catalog holds the default,
 * so that an explicit and an implicit default never look different.
 */
public record SequenceOptions(
    Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {

  public static final SequenceOptions DEFAULTS =
      new SequenceOptions(null, null, null, null, null, false);

  public SequenceOptions withStart(Long value) {
    return new SequenceOptions(value, increment, minValue, maxValue, cache, cycle);
  }

  public SequenceOptions withIncrement(Long value) {
    return new SequenceOptions(start, value, minValue, maxValue, cache, cycle);
  }

  public SequenceOptions withMinValue(Long value) {
    return new SequenceOptions(start, increment, value, maxValue, cache, cycle);
  }

  public SequenceOptions withMaxValue(Long value) {
    return new SequenceOptions(start, increment, minValue, value, cache, cycle);
  }

  public SequenceOptions withCache(Long value) {
    return new SequenceOptions(start, increment, minValue, maxValue, value, cycle);
  }

  public SequenceOptions withCycle(boolean value) {
    return new SequenceOptions(start, increment, minValue, maxValue, cache, value);
  }

  public boolean isDefault() {
    return equals(DEFAULTS);
  }

  /**
   * Replaces values equal to PostgreSQL's defaults by {@code null}.
   *
   * @param dataType {@code smallint}, {@code integer} or {@code bigint}
   */
  public static SequenceOptions normalized(
      String dataType, long start, long increment, long min, long max, long cache, boolean cycle) {
    long typeMax = maxFor(dataType);
    long defaultMin = increment > 0 ? 1 : -typeMax - 1;
    long defaultMax = increment > 0 ? typeMax : -1;
    long defaultStart = increment > 0 ? min : max;
    return new SequenceOptions(
        start == defaultStart ? null : start,
        increment == 1 ? null : increment,
        min == defaultMin ? null : min,
        max == defaultMax ? null : max,
        cache == 1 ? null : cache,
        cycle);
  }

  static long maxFor(String dataType) {
    switch (dataType == null ? "bigint" : dataType) {
      case "smallint":
        return Short.MAX_VALUE;
      case "integer":
        return Integer.MAX_VALUE;
      default:
        return Long.MAX_VALUE;
    }
  }
}
