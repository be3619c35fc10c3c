package org.rnn4j.tensor;

/**
 * The activation functions the ops use, on whole arrays. Delegates to the vectorised kernels once
 * they exist; until then plain {@link Math}.
 */
final class Activation {
  private Activation() {}

  /** y[i] = tanh(x[i]) for i &lt; n. */
  static void tanh(float[] y, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) Math.tanh(x[i]);
    }
  }

  /** y[i] = 1 / (1 + e^−x[i]) for i &lt; n. */
  static void sigmoid(float[] y, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
    }
  }

  /** y[i] = e^x[i] for i &lt; n. */
  static void exp(float[] y, float[] x, int n) {
    for (int i = 0; i < n; i++) {
      y[i] = (float) Math.exp(x[i]);
    }
  }
}
