package org.rnn4j.music;

import org.rnn4j.decode.NextTokenModel;
import org.rnn4j.tensor.Tensor;

/** A model that gives the same logits (V) after every token; its state counts the tokens fed. */
final class FixedLogitsModel implements NextTokenModel<long[]> {
  private final float[] logits; // (V)

  FixedLogitsModel(float[] logits) {
    this.logits = logits.clone();
  }

  @Override
  public long[] initialState(int batch) {
    return new long[batch];
  }

  @Override
  public Step<long[]> forward(int[] ids, int[] lengths, long[] state) {
    int b = lengths.length;
    int t = ids.length / b;
    int v = logits.length;
    float[] z = new float[b * t * v]; // (B, T, V)
    long[] fed = state.clone();
    for (int r = 0; r < b; r++) {
      fed[r] += lengths[r];
      for (int s = 0; s < t; s++) {
        System.arraycopy(logits, 0, z, (r * t + s) * v, v);
      }
    }
    return new Step<>(Tensor.of(z, b, t, v), fed);
  }

  @Override
  public long[] select(long[] state, int[] rows) {
    long[] out = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = state[rows[i]];
    }
    return out;
  }
}
