package org.rnn4j.nn.recurrent;

import java.util.random.RandomGenerator;

/**
 * Initial values of recurrent weights.
 *
 * <pre>
 * default (PyTorch):  every weight and bias ~ U(−1/√H, 1/√H)
 * orthogonal:         each gate's (H, H) block of W_hh = Q of the QR decomposition of an
 *                     N(0, 1) matrix, signs fixed by R's diagonal (Haar-distributed)
 * unit forget bias:   LSTM b_ih[f] = 1, b_hh[f] = 0, so the forget gate starts near σ(1)
 * </pre>
 */
final class RecurrentInit {
  private RecurrentInit() {}

  /** Fills {@code w} with U(−bound, bound). */
  static void uniform(float[] w, float bound, RandomGenerator rng) {
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
    }
  }

  /** Makes each of the G consecutive (H, H) blocks of {@code whh} (G·H, H) orthogonal. */
  static void orthogonalBlocks(float[] whh, int gates, int hidden, RandomGenerator rng) {
    for (int g = 0; g < gates; g++) {
      double[][] q = orthogonal(hidden, rng);
      for (int i = 0; i < hidden; i++) {
        for (int j = 0; j < hidden; j++) {
          whh[(g * hidden + i) * hidden + j] = (float) q[i][j];
        }
      }
    }
  }

  /** A random orthogonal n×n matrix: modified Gram–Schmidt on the columns of a Gaussian one. */
  static double[][] orthogonal(int n, RandomGenerator rng) {
    double[][] a = new double[n][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = rng.nextGaussian();
      }
    }
    for (int k = 0; k < n; k++) {
      for (int p = 0; p < k; p++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += a[i][p] * a[i][k];
        }
        for (int i = 0; i < n; i++) {
          a[i][k] -= dot * a[i][p];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += a[i][k] * a[i][k];
      }
      norm = Math.sqrt(norm); // R's diagonal entry is positive here, so Q is Haar-distributed
      for (int i = 0; i < n; i++) {
        a[i][k] /= norm;
      }
    }
    return a;
  }
}
