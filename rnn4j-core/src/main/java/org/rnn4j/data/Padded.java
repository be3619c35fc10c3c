package org.rnn4j.data;

import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.Tensor;

/**
 * A batch of sequences padded to the longest one, with each sequence's own length: what {@code
 * Recurrent.forward(x, lengths)} takes.
 */
public sealed interface Padded permits PaddedIds, PaddedFeatures {

  /** B, the number of sequences. */
  int batch();

  /** T, the padded length (the longest sequence's length). */
  int time();

  /** (B) each sequence's length, in [1, T]. */
  int[] lengths();

  /**
   * The mask of real steps.
   *
   * @return (B, T): 1 where t &lt; lengths[b], 0 on padding
   */
  default Tensor mask() {
    int b = batch();
    int t = time();
    float[] m = new float[Sizes.product(b, t)]; // (B, T)
    int[] lengths = lengths();
    for (int i = 0; i < b; i++) {
      for (int s = 0; s < lengths[i]; s++) {
        m[i * t + s] = 1f;
      }
    }
    return Tensor.of(m, b, t);
  }
}
