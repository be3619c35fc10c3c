package org.rnn4j.loss;

import org.rnn4j.kernel.Activations;

/**
 * The cross-entropy of one row of logits and, optionally, its gradient, in place.
 *
 * <pre>
 * m = max_j z_j
 * s = Σ_j e^{z_j − m}                     exponentials by {@link Activations#exp}, summed in double
 * ℓ = log s − (1 − ε)(z_y − m) − (ε/V) Σ_j (z_j − m)      = −Σ_j q_j log softmax(z)_j
 * g_j = (e^{z_j − m}/s − q_j) / n        q_j = (1 − ε)·[j = y] + ε/V
 * </pre>
 *
 * <p>{@link Activations#exp} is within 2⁻²³ relative of e^x over the range of normal floats and
 * gives 0 or a subnormal below it, where e^{z_j − m} adds nothing to s ≥ 1; its error in ℓ is of
 * the order of a float's rounding, as that of the float logits themselves.
 */
final class SoftmaxRow {
  private SoftmaxRow() {}

  /**
   * ℓ of row z[off, off + V); with {@code gradient}, the row is overwritten by g, else by e^{z − m}.
   *
   * @param z logits, the row (V) at {@code off}; modified
   * @param off offset of the row
   * @param v V, the classes
   * @param y the target class, in [0, V)
   * @param eps ε, the label smoothing
   * @param invN 1/n, n the rows that count (scales g only)
   * @param gradient whether to write g
   * @return ℓ, in nats
   */
  static double loss(float[] z, int off, int v, int y, float eps, float invN, boolean gradient) {
    int end = off + v;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = off; j < end; j++) {
      max = Math.max(max, z[j]);
    }
    float zy = z[off + y] - max;
    double shiftedSum = 0; // Σ_j (z_j − m), for label smoothing
    for (int j = off; j < end; j++) {
      z[j] -= max;
    }
    if (eps > 0f) {
      for (int j = off; j < end; j++) {
        shiftedSum += z[j];
      }
    }
    Activations.exp(z, off, z, off, v);
    double s = 0;
    for (int j = off; j < end; j++) {
      s += z[j];
    }
    double logS = Math.log(s);
    if (gradient) {
      gradient(z, off, v, y, (float) (1 / s), eps, invN);
    }
    return logS - (1 - eps) * (double) zy - eps * shiftedSum / v;
  }

  /** Overwrites the row e^{z − m} (V) with g = (e^{z − m}·(1/s) − q)/n. */
  private static void gradient(float[] e, int off, int v, int y, float invS, float eps,
      float invN) {
    float smooth = eps / v; // q_j for j ≠ y
    float py = e[off + y] * invS;
    for (int j = off, end = off + v; j < end; j++) {
      e[j] = (e[j] * invS - smooth) * invN;
    }
    e[off + y] = (py - (1f - eps + smooth)) * invN; // q_y = 1 − ε + ε/V
  }
}
