package org.rnn4j.spark.train;

import java.util.SplittableRandom;

/**
 * Which rows of a partition form its local batch at each step of an epoch: the partition's n rows
 * cut into ⌈n / b⌉ consecutive batches of b, visited in an order shuffled by (seed, epoch,
 * partition). Step s of the epoch trains on batch order[s]; a partition with fewer batches than
 * the epoch's steps sits out its last steps.
 */
final class LocalBatches {
  private static final long SHUFFLE_STREAM = 0x5DEECE66DL;
  private static final long STEP_STREAM = 0x2545F4914F6CDD1DL;

  private LocalBatches() {}

  /** ⌈n / b⌉, the local batches of n rows. */
  static int count(long n, int b) {
    return (int) ((n + b - 1) / b);
  }

  /**
   * The batch order of one partition in one epoch (Fisher–Yates).
   *
   * @return a permutation of 0 … ⌈n / b⌉ − 1
   */
  static int[] order(long seed, int epoch, int partition, long n, int b) {
    int[] order = new int[count(n, b)];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(mix(mix(seed ^ SHUFFLE_STREAM, epoch), partition));
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** The randomness (dropout) of a partition at a global step. */
  static SplittableRandom stepRandom(long seed, long step, int partition) {
    return new SplittableRandom(mix(mix(seed ^ STEP_STREAM, step), partition));
  }

  /** SplitMix64's finaliser over a + golden·(b + 1): well-spread seeds from (stream, counter). */
  static long mix(long a, long b) {
    long z = a + 0x9E3779B97F4A7C15L * (b + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
