package org.rnn4j.cli.onnx;

import java.util.SplittableRandom;

/**
 * Random padded token ids for the export tests, as rnn4j reads them (int) and as the graphs do
 * (int64).
 *
 * @param ints (B, T) ids, 0 after each sequence's length
 * @param longs the same ids as int64
 */
record RandomIds(int[] ints, long[] longs) {
  /**
   * @param rng the source
   * @param time T
   * @param lengths (B) real lengths
   * @param low the smallest id drawn
   * @param high one past the largest id drawn
   * @return the ids
   */
  static RandomIds draw(SplittableRandom rng, int time, int[] lengths, int low, int high) {
    int[] ints = new int[lengths.length * time];
    long[] longs = new long[ints.length];
    for (int b = 0; b < lengths.length; b++) {
      for (int t = 0; t < lengths[b]; t++) {
        ints[b * time + t] = rng.nextInt(low, high);
        longs[b * time + t] = ints[b * time + t];
      }
    }
    return new RandomIds(ints, longs);
  }
}
