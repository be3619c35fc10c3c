package org.rnn4j.decode;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** argmax_i z_i, ties to the lowest id; it draws nothing from the generator. */
final class Greedy implements Sampler {
  static final Greedy INSTANCE = new Greedy();

  private Greedy() {}

  @Override
  public int sample(float[] logits, int off, int v, RandomGenerator rng) {
    Logits.checkRow(logits, off, v);
    float max = Logits.max(logits, off, v);
    int i = 0;
    while (logits[off + i] != max) {
      i++;
    }
    return i;
  }

  @Override
  public void distribution(double[] out, float[] logits, int off, int v) {
    if (out.length < v) {
      throw new IllegalArgumentException(
          "out must hold v = " + v + " probabilities, got length " + out.length);
    }
    int best = sample(logits, off, v, null);
    Arrays.fill(out, 0, v, 0);
    out[best] = 1;
  }

  @Override
  public String toString() {
    return "Greedy";
  }
}
