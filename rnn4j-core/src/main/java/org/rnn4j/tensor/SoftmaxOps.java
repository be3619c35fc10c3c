package org.rnn4j.tensor;

/**
 * Softmax and log-softmax over the last axis, each row of length C treated on its own.
 *
 * <pre>
 * softmax:     y = e^(x − max) / Σ e^(x − max)       dx = y ⊙ (g − Σ g⊙y)
 * logSoftmax:  y = x − max − log Σ e^(x − max)       dx = g − softmax(x) · Σ g
 * </pre>
 */
final class SoftmaxOps {
  private SoftmaxOps() {}

  static Tensor softmax(Tensor x) {
    int c = lastDim("softmax", x);
    float[] y = new float[x.size()];
    int rows = c == 0 ? 0 : y.length / c;
    for (int r = 0; r < rows; r++) {
      softmaxRow(y, x.data(), r * c, c);
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int r = 0; r < rows; r++) {
        int off = r * c;
        double dot = 0;
        for (int j = 0; j < c; j++) {
          dot += dy[off + j] * y[off + j];
        }
        for (int j = 0; j < c; j++) {
          dx[off + j] += y[off + j] * (dy[off + j] - (float) dot);
        }
      }
    }, x);
  }

  static Tensor logSoftmax(Tensor x) {
    int c = lastDim("logSoftmax", x);
    float[] in = x.data();
    float[] y = new float[in.length];
    int rows = c == 0 ? 0 : y.length / c;
    for (int r = 0; r < rows; r++) {
      int off = r * c;
      float max = rowMax(in, off, c);
      double sum = 0;
      for (int j = 0; j < c; j++) {
        sum += Math.exp(in[off + j] - max);
      }
      float logSum = (float) Math.log(sum);
      for (int j = 0; j < c; j++) {
        y[off + j] = (in[off + j] - max) - logSum; // max + logSum would round away logSum
      }
    }
    return Tensor.result(y, x.shape(), dy -> {
      float[] dx = x.gradBuffer();
      for (int r = 0; r < rows; r++) {
        int off = r * c;
        double gSum = 0;
        for (int j = 0; j < c; j++) {
          gSum += dy[off + j];
        }
        for (int j = 0; j < c; j++) {
          dx[off + j] += dy[off + j] - (float) (Math.exp(y[off + j]) * gSum);
        }
      }
    }, x);
  }

  /** y[off .. off+c) = softmax(x[off .. off+c)). */
  static void softmaxRow(float[] y, float[] x, int off, int c) {
    float max = rowMax(x, off, c);
    double sum = 0;
    for (int j = 0; j < c; j++) {
      float e = (float) Math.exp(x[off + j] - max);
      y[off + j] = e;
      sum += e;
    }
    float inv = (float) (1.0 / sum);
    for (int j = 0; j < c; j++) {
      y[off + j] *= inv;
    }
  }

  private static float rowMax(float[] x, int off, int c) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < c; j++) {
      max = Math.max(max, x[off + j]);
    }
    return max;
  }

  private static int lastDim(String op, Tensor x) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException(op + ": needs at least one dimension, got a scalar");
    }
    return x.dim(-1);
  }
}
