package org.rnn4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which examples go into which batch, as lists of indices. An epoch is one plan; a new epoch
 * draws a new plan from the same generator.
 */
public final class BatchPlan {
  /** Bucketing sorts pools of this many batches by length: enough to find similar lengths,
   * few enough that batches still mix the data. */
  public static final int DEFAULT_POOL_BATCHES = 50;

  private BatchPlan() {}

  /**
   * Batches in order: 0…B−1, B…2B−1, …; the last one may be smaller.
   *
   * @param n the number of examples
   * @param batchSize B, at least 1
   * @return the batches' indices
   */
  public static List<int[]> sequential(int n, int batchSize) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    return chunk(order, batchSize);
  }

  /**
   * Batches of examples in random order.
   *
   * @param n the number of examples
   * @param batchSize B, at least 1
   * @param rng the source of randomness
   * @return the batches' indices
   */
  public static List<int[]> shuffled(int n, int batchSize, RandomGenerator rng) {
    return chunk(Shuffle.permutation(n, rng), batchSize);
  }

  /**
   * Batches of examples of similar length, to cut padding: examples are shuffled, cut into pools
   * of {@code poolBatches · B}, each pool sorted by length and cut into batches, and the batches
   * shuffled. Every example appears exactly once.
   *
   * @param lengths (N) each example's length
   * @param batchSize B, at least 1
   * @param poolBatches batches per pool, at least 1 ({@link #DEFAULT_POOL_BATCHES})
   * @param rng the source of randomness
   * @return the batches' indices
   */
  public static List<int[]> bucketed(
      int[] lengths, int batchSize, int poolBatches, RandomGenerator rng) {
    checkBatchSize(batchSize);
    if (poolBatches < 1) {
      throw new IllegalArgumentException("poolBatches must be at least 1, got " + poolBatches);
    }
    int[] order = Shuffle.permutation(lengths.length, rng);
    int pool = (int) Math.min(Integer.MAX_VALUE, (long) poolBatches * batchSize);
    List<int[]> batches = new ArrayList<>();
    for (int from = 0; from < order.length; from += pool) {
      int to = Math.min(order.length, from + pool);
      Integer[] slice = new Integer[to - from];
      for (int i = from; i < to; i++) {
        slice[i - from] = order[i];
      }
      Arrays.sort(slice, (a, b) -> Integer.compare(lengths[a], lengths[b])); // stable
      int[] sorted = new int[slice.length];
      for (int i = 0; i < slice.length; i++) {
        sorted[i] = slice[i];
      }
      batches.addAll(chunk(sorted, batchSize));
    }
    return Shuffle.shuffled(batches, rng);
  }

  /**
   * The padding a plan costs: padded steps over all steps.
   *
   * @param lengths (N) each example's length
   * @param batches a plan over those examples
   * @return the fraction of padded steps, in [0, 1)
   */
  public static double paddingFraction(int[] lengths, List<int[]> batches) {
    long real = 0;
    long total = 0;
    for (int[] batch : batches) {
      int max = 0;
      for (int i : batch) {
        real += lengths[i];
        max = Math.max(max, lengths[i]);
      }
      total += (long) max * batch.length;
    }
    return total == 0 ? 0 : 1.0 - (double) real / total;
  }

  private static List<int[]> chunk(int[] order, int batchSize) {
    checkBatchSize(batchSize);
    List<int[]> out = new ArrayList<>((order.length + batchSize - 1) / batchSize);
    for (int from = 0; from < order.length; from += batchSize) {
      out.add(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
    }
    return out;
  }

  private static void checkBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
  }
}
