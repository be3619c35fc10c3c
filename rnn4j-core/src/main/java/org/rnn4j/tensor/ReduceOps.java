package org.rnn4j.tensor;

import org.rnn4j.kernel.Sizes;

/**
 * Sums and means, over everything or over one axis.
 *
 * <pre>
 * y = Σ x          dx += g            (mean: y = Σ x / n, dx += g / n)
 * </pre>
 * Sums accumulate in double, so a sum over a million elements does not lose the small ones.
 */
final class ReduceOps {
  private ReduceOps() {}

  static Tensor sumAll(Tensor x, boolean mean) {
    float[] in = x.data();
    double s = 0;
    for (float v : in) {
      s += v;
    }
    float scale = mean ? 1f / Math.max(in.length, 1) : 1f;
    float[] y = {(float) s * scale};
    return Tensor.result(y, new int[0], dy -> {
      float[] dx = x.gradBuffer();
      float g = dy[0] * scale;
      for (int i = 0; i < dx.length; i++) {
        dx[i] += g;
      }
    }, x);
  }

  /** Reduces over {@code axis}: x (outer, len, inner) gives y (outer, inner). */
  static Tensor sumAxis(Tensor x, int axis, boolean mean) {
    int[] shape = x.shape();
    int ax = Shapes.axis(mean ? "mean" : "sum", axis, shape);
    int outer = Shapes.outer(shape, ax);
    int len = shape[ax];
    int inner = Shapes.inner(shape, ax);
    float scale = mean ? 1f / Math.max(len, 1) : 1f;
    float[] in = x.data();
    float[] y = new float[Sizes.product(outer, inner)];
    double[] acc = new double[inner];
    for (int o = 0; o < outer; o++) {
      java.util.Arrays.fill(acc, 0);
      for (int l = 0; l < len; l++) {
        int base = (o * len + l) * inner;
        for (int i = 0; i < inner; i++) {
          acc[i] += in[base + i];
        }
      }
      for (int i = 0; i < inner; i++) {
        y[o * inner + i] = (float) acc[i] * scale;
      }
    }
    return Tensor.result(y, Shapes.without(shape, ax), dy -> {
      float[] dx = x.gradBuffer();
      for (int o = 0; o < outer; o++) {
        for (int l = 0; l < len; l++) {
          int base = (o * len + l) * inner;
          for (int i = 0; i < inner; i++) {
            dx[base + i] += dy[o * inner + i] * scale;
          }
        }
      }
    }, x);
  }
}
