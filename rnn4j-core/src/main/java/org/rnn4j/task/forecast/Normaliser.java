package org.rnn4j.task.forecast;

import java.util.Arrays;
import org.rnn4j.data.Features;

/**
 * Per-feature standardisation (z-score), fitted on the training part of a series only, so that
 * nothing about the validation or test steps leaks into training.
 *
 * <pre>
 * fit on steps t ∈ [from, to) of u (T, F):
 *   μ_j = mean_t u⟨t⟩_j      σ_j = sqrt(mean_t (u⟨t⟩_j − μ_j)²)
 *   σ_j = 1 when it is below 1e−8 · max(1, |μ_j|) (a constant feature)
 * apply:  z⟨t⟩_j = (u⟨t⟩_j − μ_j) / σ_j        invert:  u⟨t⟩_j = z⟨t⟩_j · σ_j + μ_j
 * </pre>
 * Why mean and standard deviation rather than min/max: the recurrent cells' tanh and sigmoid work
 * best on inputs centred on 0 with unit spread, one outlier does not squeeze all other values
 * together, and neither scaling bounds the values of a trending series after the training part
 * anyway (take the log and difference for that, {@link SeriesTransform}).
 *
 * @param mean μ (F)
 * @param std σ (F), every entry positive
 */
public record Normaliser(double[] mean, double[] std) {

  /** Checks the statistics; copies the arrays. */
  public Normaliser {
    if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("mean and std must both have F ≥ 1 entries, got "
          + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
    }
    for (int j = 0; j < std.length; j++) {
      if (!Double.isFinite(mean[j]) || !(std[j] > 0) || !Double.isFinite(std[j])) {
        throw new IllegalArgumentException("feature " + j + " needs a finite mean and a finite"
            + " positive std, got mean " + mean[j] + ", std " + std[j]);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** The identity: μ = 0, σ = 1 for each of {@code features} features. */
  public static Normaliser identity(int features) {
    double[] ones = new double[features];
    Arrays.fill(ones, 1);
    return new Normaliser(new double[features], ones);
  }

  /**
   * Fits μ and σ on steps [from, to) of a series.
   *
   * @param u (T, F)
   * @param from first step of the training part
   * @param to end (exclusive) of the training part, from &lt; to ≤ T
   * @return the statistics of those steps alone
   */
  public static Normaliser fit(Features u, int from, int to) {
    if (from < 0 || to <= from || to > u.length()) {
      throw new IllegalArgumentException("the fitted steps [from, to) must be non-empty and lie"
          + " in [0, T=" + u.length() + "], got [" + from + ", " + to + ")");
    }
    int f = u.features();
    int n = to - from;
    double[] mean = new double[f];
    double[] std = new double[f];
    for (int t = from; t < to; t++) {
      for (int j = 0; j < f; j++) {
        mean[j] += u.get(t, j);
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= n;
    }
    for (int t = from; t < to; t++) {
      for (int j = 0; j < f; j++) {
        double c = u.get(t, j) - mean[j];
        std[j] += c * c;
      }
    }
    for (int j = 0; j < f; j++) {
      std[j] = Math.sqrt(std[j] / n);
      if (!(std[j] >= 1e-8 * Math.max(1, Math.abs(mean[j])))) {
        std[j] = 1;
      }
    }
    return new Normaliser(mean, std);
  }

  /** F, the number of features. */
  public int features() {
    return mean.length;
  }

  /**
   * @param u (T, F)
   * @return z (T, F), standardised
   */
  public Features apply(Features u) {
    return map(u, false);
  }

  /**
   * @param z (T, F), standardised
   * @return u (T, F)
   */
  public Features invert(Features z) {
    return map(z, true);
  }

  private Features map(Features in, boolean invert) {
    int f = features();
    if (in.features() != f) {
      throw new IllegalArgumentException("the normaliser was fitted on F = " + f + " features,"
          + " got " + in.features());
    }
    float[] v = in.values();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      int j = i % f;
      out[i] = (float) (invert ? v[i] * std[j] + mean[j] : (v[i] - mean[j]) / std[j]);
    }
    return new Features(out, f);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normaliser n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normaliser(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
  }
}
