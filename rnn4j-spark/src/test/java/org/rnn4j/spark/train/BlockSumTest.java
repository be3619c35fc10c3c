package org.rnn4j.spark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Partial sums merged in any order give the same floats, those of the canonical block tree. */
class BlockSumTest {

  private static float[][] vectors(int partitions, int n, long seed) {
    Random rng = new Random(seed);
    float[][] v = new float[partitions][n];
    for (float[] row : v) {
      for (int i = 0; i < n; i++) {
        // values of very different magnitudes, where the order of float additions shows
        row[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(12) - 6));
      }
    }
    return v;
  }

  private static BlockSum sum(float[][] v, List<Integer> order) {
    List<BlockSum> parts = new ArrayList<>();
    for (int p : order) {
      parts.add(BlockSum.of(p, v[p].clone(), p + 1.0));
    }
    Random rng = new Random(order.hashCode());
    while (parts.size() > 1) { // merge two random partial sums, as Spark may
      BlockSum a = parts.remove(rng.nextInt(parts.size()));
      BlockSum b = parts.remove(rng.nextInt(parts.size()));
      parts.add(a.merge(b));
    }
    return parts.get(0);
  }

  /**
   * The maximal aligned blocks of 0 … 6, [0, 4), [4, 6) and [6, 7), each summed as left + right,
   * then added from left to right: (((v0 + v1) + (v2 + v3)) + (v4 + v5)) + v6.
   */
  private static float[] canonical(float[][] v) {
    float[] out = new float[v[0].length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (((v[0][i] + v[1][i]) + (v[2][i] + v[3][i])) + (v[4][i] + v[5][i])) + v[6][i];
    }
    return out;
  }

  @Test
  void anyMergeOrderGivesTheSumsOfTheAlignedBlockTree() {
    float[][] v = vectors(7, 1000, 3);
    float[] expected = canonical(v);
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    for (int trial = 0; trial < 20; trial++) {
      Collections.shuffle(order, new Random(trial));
      BlockSum s = sum(v, order);
      assertArrayEquals(expected, s.vector(), "order " + order);
      assertEquals(28.0, s.scalar(0));
    }
  }

  @Test
  void theOrderDoesMatterWithoutTheTree() {
    float[][] v = vectors(7, 1000, 3);
    float[] leftToRight = new float[1000];
    for (float[] row : v) {
      for (int i = 0; i < 1000; i++) {
        leftToRight[i] += row[i];
      }
    }
    int differ = 0;
    float[] tree = canonical(v);
    for (int i = 0; i < 1000; i++) {
      differ += leftToRight[i] != tree[i] ? 1 : 0;
    }
    assertEquals(true, differ > 0, "the test's values are ones where grouping changes sums");
  }

  @Test
  void aPartitionSummedTwiceIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BlockSum.of(3, new float[2]).merge(BlockSum.of(3, new float[2])));
    assertEquals("partition 3 was summed twice", e.getMessage());
  }
}
