package org.rnn4j.cli.bench;

import java.util.List;
import java.util.function.IntConsumer;
import org.rnn4j.kernel.Parallelism;

/** Runs a measurement once per thread count, restoring {@link Parallelism#threads()} after. */
final class ThreadCounts {
  private ThreadCounts() {}

  /**
   * Sets each thread count in turn and runs {@code measure} with it.
   *
   * @param threads thread counts, each at least 1
   * @param measure called with each count while the kernels use that many threads
   */
  static void forEach(List<Integer> threads, IntConsumer measure) {
    int saved = Parallelism.threads();
    try {
      for (int t : threads) {
        Parallelism.setThreads(t);
        measure.accept(t);
      }
    } finally {
      Parallelism.setThreads(saved);
    }
  }
}
