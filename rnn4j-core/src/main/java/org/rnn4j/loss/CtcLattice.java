package org.rnn4j.loss;

import java.util.Arrays;

/**
 * The CTC forward–backward pass of one sequence, in log space (double precision).
 *
 * <p>The labels l = (l_1 … l_S) are extended with blanks, l' = (∅, l_1, ∅, l_2, …, l_S, ∅) of
 * length L = 2S + 1; y_t(k) is the input log-probability of class k at frame t &lt; T. An
 * alignment is a path through l' that at each frame stays, moves one step, or skips a blank
 * between two different labels (two equal labels need the blank between them).
 *
 * <pre>
 * α_0(0) = y_0(∅)    α_0(1) = y_0(l_1)    α_0(s) = −∞ for s ≥ 2
 * α_t(s) = y_t(l'_s) + lse(α_{t−1}(s), α_{t−1}(s−1), α_{t−1}(s−2) if l'_s ≠ ∅ and l'_s ≠ l'_{s−2})
 * β_{T−1}(L−1) = y_{T−1}(∅)    β_{T−1}(L−2) = y_{T−1}(l_S)    β_{T−1}(s) = −∞ otherwise
 * β_t(s) = y_t(l'_s) + lse(β_{t+1}(s), β_{t+1}(s+1), β_{t+1}(s+2) if l'_s ≠ ∅ and l'_s ≠ l'_{s+2})
 * log p(l | y) = lse(α_{T−1}(L−1), α_{T−1}(L−2))  = lse_s(α_t(s) + β_t(s) − y_t(l'_s)) for every t
 * ∂(−log p)/∂y_t(k) = −γ_t(k),   γ_t(k) = Σ_{s : l'_s = k} exp(α_t(s) + β_t(s) − y_t(k) − log p)
 * </pre>
 *
 * lse is log-sum-exp, lse(a, b) = max + log(1 + exp(min − max)), with lse(−∞, −∞) = −∞. γ_t(k)
 * is the posterior probability that frame t emits k: Σ_k γ_t(k) = 1. With T = 0, p = 1 for the
 * empty label sequence and 0 otherwise. Memory: α and β, T·L doubles each.
 */
final class CtcLattice {
  private CtcLattice() {}

  /**
   * log p(labels | y) and, when {@code grad} is given, grad_t(k) += −weight·γ_t(k).
   *
   * @param y the input, row-major (T_all, B, C); this sequence is column b
   * @param batch B
   * @param classes C
   * @param b the sequence
   * @param frames T ≤ T_all, the frames of this sequence
   * @param labels l, none equal to the blank
   * @param blank ∅
   * @param grad (T_all, B, C) to add into, or null; untouched when p = 0
   * @param weight the factor of the gradient
   * @return log p, −∞ when no alignment fits in T frames
   */
  static double logLikelihood(float[] y, int batch, int classes, int b, int frames, int[] labels,
      int blank, float[] grad, double weight) {
    int len = 2 * labels.length + 1;
    if (frames == 0) {
      return labels.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    int[] ext = new int[len];
    for (int s = 0; s < len; s++) {
      ext[s] = s % 2 == 0 ? blank : labels[s / 2];
    }
    double[] alpha = new double[frames * len];
    Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
    alpha[0] = y[at(0, b, blank, batch, classes)];
    if (len > 1) {
      alpha[1] = y[at(0, b, ext[1], batch, classes)];
    }
    for (int t = 1; t < frames; t++) {
      int row = t * len;
      int prev = row - len;
      for (int s = 0; s < len; s++) {
        double a = alpha[prev + s];
        if (s >= 1) {
          a = lse(a, alpha[prev + s - 1]);
        }
        if (s >= 2 && ext[s] != blank && ext[s] != ext[s - 2]) {
          a = lse(a, alpha[prev + s - 2]);
        }
        alpha[row + s] = a + y[at(t, b, ext[s], batch, classes)];
      }
    }
    int last = (frames - 1) * len;
    double logP = len > 1 ? lse(alpha[last + len - 1], alpha[last + len - 2]) : alpha[last];
    if (grad == null || logP == Double.NEGATIVE_INFINITY) {
      return logP;
    }
    double[] beta = new double[frames * len];
    Arrays.fill(beta, Double.NEGATIVE_INFINITY);
    beta[last + len - 1] = y[at(frames - 1, b, blank, batch, classes)];
    if (len > 1) {
      beta[last + len - 2] = y[at(frames - 1, b, ext[len - 2], batch, classes)];
    }
    for (int t = frames - 2; t >= 0; t--) {
      int row = t * len;
      int next = row + len;
      for (int s = 0; s < len; s++) {
        double v = beta[next + s];
        if (s + 1 < len) {
          v = lse(v, beta[next + s + 1]);
        }
        if (s + 2 < len && ext[s] != blank && ext[s] != ext[s + 2]) {
          v = lse(v, beta[next + s + 2]);
        }
        beta[row + s] = v + y[at(t, b, ext[s], batch, classes)];
      }
    }
    double[] gamma = new double[classes];
    for (int t = 0; t < frames; t++) {
      Arrays.fill(gamma, 0);
      int row = t * len;
      for (int s = 0; s < len; s++) {
        double ab = alpha[row + s] + beta[row + s];
        if (ab != Double.NEGATIVE_INFINITY) {
          gamma[ext[s]] += Math.exp(ab - y[at(t, b, ext[s], batch, classes)] - logP);
        }
      }
      int off = at(t, b, 0, batch, classes);
      for (int k = 0; k < classes; k++) {
        grad[off + k] += (float) (-weight * gamma[k]);
      }
    }
    return logP;
  }

  private static int at(int t, int b, int k, int batch, int classes) {
    return (t * batch + b) * classes + k;
  }

  /** log(exp(a) + exp(b)), exact for infinite arguments. */
  static double lse(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }
}
