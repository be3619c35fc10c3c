package org.rnn4j.cli.bench;

import java.util.Arrays;

/**
 * The timed calls of one measurement, summarised as the peer benchmark reports them.
 *
 * @param medianNanos the median call, the figure every rate is computed from
 * @param minNanos the fastest call
 * @param maxNanos the slowest call
 * @param count how many calls were timed, ≥ 1
 */
record StepTimes(long medianNanos, long minNanos, long maxNanos, int count) {

  /** Checks min ≤ median ≤ max and count ≥ 1. */
  StepTimes {
    if (count < 1 || minNanos > medianNanos || medianNanos > maxNanos) {
      throw new IllegalArgumentException("need count ≥ 1 and min ≤ median ≤ max, got count "
          + count + ", min " + minNanos + ", median " + medianNanos + ", max " + maxNanos);
    }
  }

  /**
   * Summarises the first {@code count} entries of {@code nanos} (the upper median for an even
   * count).
   *
   * @param nanos (≥ count) call times in nanoseconds; not modified
   * @param count how many of them count, ≥ 1
   * @return the summary
   */
  static StepTimes of(long[] nanos, int count) {
    if (count < 1 || count > nanos.length) {
      throw new IllegalArgumentException(
          "count must lie in [1, " + nanos.length + "], got " + count);
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new StepTimes(sorted[count / 2], sorted[0], sorted[count - 1], count);
  }

  /** The median call in seconds. */
  double medianSeconds() {
    return medianNanos / 1e9;
  }

  /**
   * Work per second at the median call.
   *
   * @param perStep the work of one call (tokens, sequences, FLOPs)
   * @return perStep / median seconds
   */
  double rate(double perStep) {
    return perStep / medianSeconds();
  }
}
