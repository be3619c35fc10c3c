package org.rnn4j.task.classify;

import java.util.Arrays;
import org.rnn4j.kernel.Sizes;
import org.rnn4j.tensor.CustomOp;
import org.rnn4j.tensor.Tensor;

/**
 * Mean and max over the real steps of padded sequences, as fused ops with hand-written backward
 * steps (the masked max needs the arg-max, which no composition of tensor ops keeps).
 *
 * <pre>
 * x (B, T, X), lengths (B) with 1 ≤ lengths[b] ≤ T → y (B, X)
 * mean: y[b, j] = (1/n_b) Σ_{t &lt; n_b} x[b, t, j]        dx[b, t, j] += dy[b, j] / n_b   (t &lt; n_b)
 * max:  y[b, j] = x[b, t*, j], t* = argmax_{t &lt; n_b}    dx[b, t*, j] += dy[b, j]
 * </pre>
 * Steps t ≥ n_b get no gradient; ties in the max go to the first step, as PyTorch's.
 */
final class MaskedPooling {
  private MaskedPooling() {}

  /**
   * @param x (B, T, X)
   * @param lengths (B) real lengths in [1, T]
   * @return (B, X) the mean over each sequence's real steps
   */
  static Tensor mean(Tensor x, int[] lengths) {
    check(x, lengths);
    int b = x.dim(0);
    int t = x.dim(1);
    int f = x.dim(2);
    float[] in = x.data(); // (B, T, X)
    float[] y = new float[Sizes.product(b, f)]; // (B, X)
    for (int i = 0; i < b; i++) {
      for (int s = 0; s < lengths[i]; s++) {
        int off = (i * t + s) * f;
        for (int j = 0; j < f; j++) {
          y[i * f + j] += in[off + j];
        }
      }
      for (int j = 0; j < f; j++) {
        y[i * f + j] /= lengths[i];
      }
    }
    int[] n = lengths.clone();
    return CustomOp.record(y, new int[] {b, f}, (dy, grads) -> {
      float[] dx = grads.buffer(0);
      for (int i = 0; i < b; i++) {
        for (int s = 0; s < n[i]; s++) {
          int off = (i * t + s) * f;
          for (int j = 0; j < f; j++) {
            dx[off + j] += dy[i * f + j] / n[i];
          }
        }
      }
    }, x);
  }

  /**
   * @param x (B, T, X)
   * @param lengths (B) real lengths in [1, T]
   * @return (B, X) the elementwise maximum over each sequence's real steps
   */
  static Tensor max(Tensor x, int[] lengths) {
    check(x, lengths);
    int b = x.dim(0);
    int t = x.dim(1);
    int f = x.dim(2);
    float[] in = x.data(); // (B, T, X)
    float[] y = new float[Sizes.product(b, f)]; // (B, X)
    int[] argmax = new int[Sizes.product(b, f)]; // (B, X) the step t* of each maximum
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < f; j++) {
        float best = in[i * t * f + j];
        for (int s = 1; s < lengths[i]; s++) {
          float v = in[(i * t + s) * f + j];
          if (v > best) {
            best = v;
            argmax[i * f + j] = s;
          }
        }
        y[i * f + j] = best;
      }
    }
    return CustomOp.record(y, new int[] {b, f}, (dy, grads) -> {
      float[] dx = grads.buffer(0);
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < f; j++) {
          dx[(i * t + argmax[i * f + j]) * f + j] += dy[i * f + j];
        }
      }
    }, x);
  }

  private static void check(Tensor x, int[] lengths) {
    if (x.rank() != 3 || x.dim(0) != lengths.length) {
      throw new IllegalArgumentException("pooling input must be (B, T, X) with B = lengths.length = "
          + lengths.length + ", got shape " + Arrays.toString(x.shape()));
    }
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] < 1 || lengths[i] > x.dim(1)) {
        throw new IllegalArgumentException("lengths[" + i + "] must lie in [1, T=" + x.dim(1)
            + "], got " + lengths[i]);
      }
    }
  }
}
