package org.rnn4j.cli.bench;

/**
 * Times a repeated step the way the PyTorch peer benchmark does: warm-up calls (here for a time,
 * since the JIT compiler needs it), then timed calls until both a minimum count and a minimum
 * time are reached, at most {@value #MAX_STEPS}; {@link StepTimes} gives the median.
 *
 * @param warmupNanos warm up for at least this long, and for at least {@value #MIN_WARMUP_CALLS}
 *     calls
 * @param minSteps time at least this many calls, ≥ 1
 * @param minNanos and keep timing until this much time has passed
 */
record StepTimer(long warmupNanos, int minSteps, long minNanos) {
  static final int MAX_STEPS = 1000;
  static final int MIN_WARMUP_CALLS = 2;
  static final int DEFAULT_MIN_STEPS = 5;
  /** The default minimum timed seconds per measurement; the warm-up lasts 2/3 of it. */
  static final double DEFAULT_SECONDS = 3;
  /** Warm up for 2 s, then time ≥ 5 calls and ≥ 3 s. */
  static final StepTimer DEFAULT = ofSeconds(DEFAULT_SECONDS);

  /** Checks the settings. */
  StepTimer {
    if (warmupNanos < 0 || minNanos < 0) {
      throw new IllegalArgumentException("warm-up and measuring times must be ≥ 0, got "
          + warmupNanos + " and " + minNanos + " ns");
    }
    if (minSteps < 1 || minSteps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "minSteps must lie in [1, " + MAX_STEPS + "], got " + minSteps);
    }
  }

  /**
   * A timer that measures for at least {@code seconds} after a warm-up of 2/3 of that, timing at
   * least {@value #DEFAULT_MIN_STEPS} calls.
   *
   * @param seconds finite and &gt; 0
   * @return the timer
   * @throws IllegalArgumentException if seconds is not finite and positive
   */
  static StepTimer ofSeconds(double seconds) {
    if (!(seconds > 0 && seconds < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("--seconds must be finite and > 0, got " + seconds);
    }
    long nanos = Math.round(seconds * 1e9);
    return new StepTimer(nanos * 2 / 3, DEFAULT_MIN_STEPS, nanos);
  }

  /**
   * Warms up, then times calls of {@code step}.
   *
   * @param step the work to time
   * @return the timed calls
   */
  StepTimes time(Runnable step) {
    long start = System.nanoTime();
    for (int i = 0; i < MIN_WARMUP_CALLS || System.nanoTime() - start < warmupNanos; i++) {
      step.run();
    }
    long[] times = new long[MAX_STEPS];
    int count = 0;
    start = System.nanoTime();
    while (count < minSteps || (count < MAX_STEPS && System.nanoTime() - start < minNanos)) {
      long t0 = System.nanoTime();
      step.run();
      times[count++] = System.nanoTime() - t0;
    }
    return StepTimes.of(times, count);
  }
}
