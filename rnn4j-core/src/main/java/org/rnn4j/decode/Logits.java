package org.rnn4j.decode;

/** Checks on a row of logits shared by the samplers and the scorer. */
final class Logits {
  private Logits() {}

  /**
   * Checks that the row {@code [off, off+v)} lies inside {@code logits}.
   *
   * @throws IllegalArgumentException naming the bounds
   */
  static void checkRow(float[] logits, int off, int v) {
    if (v < 1 || off < 0 || off > logits.length - v) {
      throw new IllegalArgumentException("logits row [off, off+v) must lie in [0, "
          + logits.length + ") with v ≥ 1, got off = " + off + ", v = " + v);
    }
  }

  /**
   * The largest logit of the row, checking every value.
   *
   * @return max z_i, finite
   * @throws IllegalArgumentException if a logit is NaN or +∞, or all are −∞
   */
  static float max(float[] logits, int off, int v) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < v; i++) {
      float z = logits[off + i];
      if (Float.isNaN(z) || z == Float.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "logits must not be NaN or +∞: logit of token " + i + " is " + z);
      }
      max = Math.max(max, z);
    }
    if (max == Float.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException(
          "at least one logit must be finite, got all " + v + " equal to −∞");
    }
    return max;
  }

  /**
   * Writes log softmax(z) of the row {@code [off, off+v)} into {@code out[0 … v)}, in double
   * precision: log p_i = z_i − m − log Σ_j e^(z_j − m), m = max_j z_j. Modifies {@code out}.
   *
   * @throws IllegalArgumentException as {@link #max} does
   */
  static void logSoftmax(double[] out, float[] logits, int off, int v) {
    checkRow(logits, off, v);
    float max = max(logits, off, v);
    double sum = 0;
    for (int j = 0; j < v; j++) {
      sum += Math.exp((double) logits[off + j] - max);
    }
    double logSum = Math.log(sum);
    for (int j = 0; j < v; j++) {
      out[j] = (double) logits[off + j] - max - logSum;
    }
  }
}
