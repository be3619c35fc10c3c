package org.rnn4j.cli.bench;

import java.util.Arrays;

/**
 * Times a repeated step the way the PyTorch peer benchmark does: warm-up calls, then timed calls
 * until both a minimum count and a minimum time are reached (capped), and the median call time.
 */
final class StepTimer {
  private static final int MAX_STEPS = 1000;

  private StepTimer() {}

  /**
   * @param step the work to time
   * @param warmupNanos warm up for at least this long (and at least two calls)
   * @param minSteps time at least this many calls
   * @param minNanos and keep timing until this much time has passed
   * @return the median time of one call, in nanoseconds
   */
  static long medianNanos(Runnable step, long warmupNanos, int minSteps, long minNanos) {
    long start = System.nanoTime();
    for (int i = 0; i < 2 || System.nanoTime() - start < warmupNanos; i++) {
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
    Arrays.sort(times, 0, count);
    return times[count / 2];
  }
}
