package org.rnn4j.speech.audio;

/**
 * Per-utterance mean and variance normalisation of features: each coefficient j of an utterance
 * gets zero mean and unit variance over its T frames.
 *
 * <pre>
 * μ_j = (1/T) Σ_t x[t, j],  σ_j² = (1/T) Σ_t (x[t, j] − μ_j)²
 * x̂[t, j] = (x[t, j] − μ_j) / max(σ_j, ε),  ε = 1e-5
 * </pre>
 */
public final class Normalisation {
  private static final double EPSILON = 1e-5;

  private Normalisation() {}

  /**
   * @param x (T, D) features, left unchanged
   * @return (T, D) normalised
   */
  public static float[][] perUtterance(float[][] x) {
    if (x.length == 0) {
      return new float[0][];
    }
    int d = x[0].length;
    float[][] out = new float[x.length][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (float[] row : x) {
        mean += row[j];
      }
      mean /= x.length;
      double var = 0;
      for (float[] row : x) {
        var += (row[j] - mean) * (row[j] - mean);
      }
      double sd = Math.max(Math.sqrt(var / x.length), EPSILON);
      for (int t = 0; t < x.length; t++) {
        out[t][j] = (float) ((x[t][j] - mean) / sd);
      }
    }
    return out;
  }
}
