package dev.retort.migration;

/**
 * Sequence options for {@code createSequence}, {@code alterSequence} and identity columns, built
 * from {@code sequenceOptions()}; an option left unset is PostgreSQL's default.
 */
public final class SequenceSettings {

  static final SequenceSettings DEFAULTS =
      new SequenceSettings(null, null, null, null, null, false);

  private final Long start;
  private final Long increment;
  private final Long minValue;
  private final Long maxValue;
  private final Long cache;
  private final boolean cycle;

  private SequenceSettings(
      Long start, Long increment, Long minValue, Long maxValue, Long cache, boolean cycle) {
    this.start = start;
    this.increment = increment;
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.cache = cache;
    this.cycle = cycle;
  }

  public SequenceSettings withStart(Long value) {
    return new SequenceSettings(value, increment, minValue, maxValue, cache, cycle);
  }

  public SequenceSettings withIncrement(Long value) {
    return new SequenceSettings(start, value, minValue, maxValue, cache, cycle);
  }

  public SequenceSettings withMinValue(Long value) {
    return new SequenceSettings(start, increment, value, maxValue, cache, cycle);
  }

  public SequenceSettings withMaxValue(Long value) {
    return new SequenceSettings(start, increment, minValue, value, cache, cycle);
  }

  public SequenceSettings withCache(Long value) {
    return new SequenceSettings(start, increment, minValue, maxValue, value, cycle);
  }

  public SequenceSettings withCycle(boolean value) {
    return new SequenceSettings(start, increment, minValue, maxValue, cache, value);
  }

  public Long start() {
    return start;
  }

  public Long increment() {
    return increment;
  }

  public Long minValue() {
    return minValue;
  }

  public Long maxValue() {
    return maxValue;
  }

  public Long cache() {
    return cache;
  }

  public boolean cycle() {
    return cycle;
  }
}
