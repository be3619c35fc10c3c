package org.rnn4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.rnn4j.tensor.NoGrad;
import org.rnn4j.tensor.Tensor;

/** Checks shared by the tests of every attention. */
final class AttentionTestSupport {
  static final int[] LENGTHS = {3, 7, 1, 5}; // ragged batch padded to S = 7
  static final int PADDED = 7;

  private AttentionTestSupport() {}

  /** Encoder states (B, 7, he) with random, non-zero values in the padding. */
  static Tensor paddedKeys(SplittableRandom rng, int he) {
    return Tensor.uniform(rng, -1f, 1f, LENGTHS.length, PADDED, he);
  }

  /**
   * Asserts that each row of a padded batch gives what that row gives alone, unpadded, that the
   * weights are zero on padding and sum to 1 over the real positions.
   */
  static void assertPaddingInvariant(Attention attention, Tensor query, Tensor keys) {
    try (NoGrad scope = NoGrad.enter()) {
      Attention.Context batch = attention.attend(query, keys, LENGTHS);
      int he = keys.dim(2);
      for (int b = 0; b < LENGTHS.length; b++) {
        int len = LENGTHS[b];
        Tensor alone = keys.slice(0, b, b + 1).slice(1, 0, len);
        Attention.Context single =
            attention.attend(query.slice(0, b, b + 1), alone, new int[] {len});
        assertArrayEquals(single.context().data(),
            batch.context().slice(0, b, b + 1).data(), 1e-6f, "context of row " + b);
        assertArrayEquals(single.weights().data(),
            batch.weights().slice(0, b, b + 1).slice(1, 0, len).data(), 1e-6f,
            "weights of row " + b);
        double sum = 0;
        for (int s = 0; s < PADDED; s++) {
          sum += batch.weights().get(b, s);
          if (s >= len) {
            assertEquals(0f, batch.weights().get(b, s), "weight at padding (" + b + ", " + s + ")");
          }
        }
        assertEquals(1.0, sum, 1e-5, "weights of row " + b + " sum to 1");
      }
      assertEquals(he, batch.context().dim(1));
    }
  }

  /** Both outputs of one step as one tensor (B, He + S), for a gradient check. */
  static Tensor both(Attention.Context c) {
    return Tensor.concat(1, c.context(), c.weights());
  }
}
