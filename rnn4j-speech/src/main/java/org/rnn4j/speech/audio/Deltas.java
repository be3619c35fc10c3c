package org.rnn4j.speech.audio;

/**
 * Dynamic features: each coefficient's slope over time by linear regression over ±N frames, the
 * edges repeating the first and last frame (HTK's delta formula).
 *
 * <pre>
 * d⟨t⟩ = Σ_{n=1..N} n·(c⟨t+n⟩ − c⟨t−n⟩) / (2·Σ_{n=1..N} n²)
 * </pre>
 * Appending deltas of order 2 gives [c, d, dd] per frame, dd the deltas of d.
 */
public final class Deltas {
  /** N, frames on each side of the regression. */
  public static final int WINDOW = 2;

  private Deltas() {}

  /**
   * @param x (T, F)
   * @return (T, F) the deltas of x
   */
  public static float[][] of(float[][] x) {
    int t = x.length;
    float[][] d = new float[t][];
    double norm = 0;
    for (int n = 1; n <= WINDOW; n++) {
      norm += 2.0 * n * n;
    }
    for (int i = 0; i < t; i++) {
      int f = x[i].length;
      d[i] = new float[f];
      for (int k = 0; k < f; k++) {
        double sum = 0;
        for (int n = 1; n <= WINDOW; n++) {
          sum += n * (x[Math.min(t - 1, i + n)][k] - x[Math.max(0, i - n)][k]);
        }
        d[i][k] = (float) (sum / norm);
      }
    }
    return d;
  }

  /**
   * The features with their deltas up to an order, side by side.
   *
   * @param x (T, F)
   * @param order 0 (x alone), 1 ([x, d]) or 2 ([x, d, dd])
   * @return (T, (order + 1)·F)
   */
  public static float[][] append(float[][] x, int order) {
    if (order < 0 || order > 2) {
      throw new IllegalArgumentException("delta order must be 0, 1 or 2, got " + order);
    }
    float[][][] parts = new float[order + 1][][];
    parts[0] = x;
    for (int o = 1; o <= order; o++) {
      parts[o] = of(parts[o - 1]);
    }
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      int f = x[i].length;
      out[i] = new float[f * (order + 1)];
      for (int o = 0; o <= order; o++) {
        System.arraycopy(parts[o][i], 0, out[i], o * f, f);
      }
    }
    return out;
  }
}
